package dev.gantry.node.docker;

import dev.gantry.node.BuiltImage;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.RegistryLogin;
import dev.gantry.node.local.RegistryImageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing to a real registry and fetching from it by digest, on the real engine. */
class DockerEngineRegistryTest {

    private static DockerTestRun docker;
    private static TestRegistry registry;
    private static RegistryImageStore images;

    @BeforeAll
    static void start() throws Exception {
        docker = new DockerTestRun();
        registry = TestRegistry.start();
        images = new RegistryImageStore(docker.engine, () -> Optional.of(registry.login));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        registry.close();
        docker.close();
    }

    @Test
    void aPublishedBuildIsNamedByItsDigestAndAnEngineWithoutItFetchesItBack() {
        BuiltImage built = docker.build("published", docker.onBase("RUN echo " + docker.runId + " > /run-id\n"), line -> { });

        String reference = images.publish(built);

        String repository = registry.login.reference(built.tag().substring(0, built.tag().indexOf(':')));
        assertTrue(reference.matches(java.util.regex.Pattern.quote(repository) + "@sha256:[0-9a-f]{64}"), reference);
        assertTrue(images.has(reference), "instances here start from the reference without a pull");
        assertTrue(images.remove(built.tag()), "both of the build's tags go");
        assertFalse(images.has(reference), "gone from this engine, as on a host that never had it");

        assertTrue(images.fetch(reference));
        assertTrue(images.has(reference));
        docker.engine.removeImage(reference);
    }

    @Test
    void whatTheRegistryDoesNotHoldIsNotFetched() {
        assertFalse(images.fetch(registry.login.reference("gantry-test-missing@sha256:" + "0".repeat(64))));
    }

    @Test
    void aPullWithWrongCredentialsIsRefusedWithTheRegistrysReason() {
        RegistryLogin wrong = new RegistryLogin(registry.login.address(), "tester", "not-the-password");

        EngineUnavailableException refused = assertThrows(EngineUnavailableException.class, () ->
                docker.engine.pullImage(registry.login.reference("gantry-test-any:latest"), wrong));

        assertTrue(refused.getMessage().contains("unauthorized"), refused.getMessage());
    }
}
