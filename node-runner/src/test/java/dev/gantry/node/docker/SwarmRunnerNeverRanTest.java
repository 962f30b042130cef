package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.ImagePullFailedException;
import dev.gantry.node.RegistryLogin;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a task that ended before its container existed tells the one who deployed. */
class SwarmRunnerNeverRanTest {

    private static final ClusterNode HOST = new ClusterNode("host-2", "10.0.0.12", ClusterNode.State.READY, Map.of(), 2,
            1L << 30, false, false);
    private static final RegistryLogin REGISTRY = new RegistryLogin("10.0.0.11:5000", "gantry", "secret");
    private static final String IMAGE = "10.0.0.11:5000/gantry/shop@sha256:ab12";

    private static JsonNode rejected(String error) throws IOException {
        return new ObjectMapper().readTree("{\"State\": \"rejected\", \"Message\": \"preparing\", \"Err\": \"" + error + "\"}");
    }

    @Test
    void aHostWithoutTheRegistrysImageCouldNotPullIt() throws IOException {
        // A host's engine logs a failed pull and goes on to create the container, which is what the task reports.
        ContainerStartFailedException failure = SwarmRunner.neverRan(rejected("No such image: " + IMAGE), HOST,
                "shop-web-v4-1-a1b2c3", IMAGE, Optional.of(REGISTRY));

        ImagePullFailedException pull = assertInstanceOf(ImagePullFailedException.class, failure);
        assertEquals("host-2 (10.0.0.12) could not pull " + IMAGE + " from the registry at 10.0.0.11:5000", pull.getMessage());
        assertEquals("make sure host-2 reaches the registry at 10.0.0.11:5000 (tcp) and trusts the cluster's CA (the join"
                + " script sets both up; that host's engine log says why its pull failed), then push again", pull.fix());
    }

    @Test
    void anImageOutsideTheRegistryIsTheEnginesWordsAsTheyAre() throws IOException {
        ContainerStartFailedException failure = SwarmRunner.neverRan(rejected("No such image: gantry/shop:build-3"), HOST,
                "shop-web-v4-1-a1b2c3", "gantry/shop:build-3", Optional.empty());

        assertFalse(failure instanceof ImagePullFailedException);
        assertEquals("host-2 (10.0.0.12) could not start shop-web-v4-1-a1b2c3: No such image: gantry/shop:build-3",
                failure.getMessage());
    }

    @Test
    void anotherRefusalIsNoPullFailure() throws IOException {
        ContainerStartFailedException failure = SwarmRunner.neverRan(rejected("invalid mount config for type bind"), HOST,
                "shop-web-v4-1-a1b2c3", IMAGE, Optional.of(REGISTRY));

        assertFalse(failure instanceof ImagePullFailedException);
        assertEquals("host-2 (10.0.0.12) could not start shop-web-v4-1-a1b2c3: invalid mount config for type bind",
                failure.getMessage());
    }
}
