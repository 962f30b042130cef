package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The user-defined bridge networks apps run on, made the first time a container needs one. The
 * engine isolates bridges from each other, so containers of one app cannot reach another's; each
 * bridge's host interface is named {@code gantry-XXXXXXXX}, so that one firewall rule on
 * {@code gantry-+} can keep every app away from the host's own ports (see the operator guide).
 */
final class AppNetworks {

    static final String INTERFACE_PREFIX = "gantry-";
    private static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";

    private AppNetworks() {
    }

    static void ensure(DockerClient client, String network) {
        try {
            client.inspectNetworkCmd().withNetworkId(network).exec();
            return;
        } catch (NotFoundException missing) {
            // made below
        }
        try {
            client.createNetworkCmd()
                    .withName(network)
                    .withDriver("bridge")
                    // Without it, two containers started at once could each make a network of that name.
                    .withCheckDuplicate(true)
                    .withOptions(Map.of(BRIDGE_NAME_OPTION, interfaceName(network)))
                    .exec();
        } catch (ConflictException madeMeanwhile) {
            // another start made it first: the goal is reached
        }
    }

    static void remove(DockerClient client, String network) {
        try {
            client.removeNetworkCmd(network).exec();
        } catch (NotFoundException alreadyGone) {
            // the goal is reached
        } catch (ConflictException inUse) {
            throw new IllegalStateException("network " + network + " is still in use by a container", inUse);
        }
    }

    /** Linux caps interface names at 15 characters; a digest of the network's name fits and stays stable. */
    static String interfaceName(String network) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(network.getBytes(StandardCharsets.UTF_8));
            return INTERFACE_PREFIX + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
