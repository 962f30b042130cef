package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * Attaches a container to the network (made first when missing). The engine refuses a second
     * attachment with "already exists" (as a 403 on older engines, 409 on newer), which is the goal.
     */
    static void connect(DockerClient client, String network, String container, List<String> aliases) {
        ensure(client, network);
        try {
            client.connectToNetworkCmd().withNetworkId(network).withContainerId(container)
                    .withContainerNetwork(new ContainerNetwork().withAliases(aliases)).exec();
        } catch (NotFoundException missing) {
            throw new IllegalStateException("container " + container + " does not exist", missing);
        } catch (DockerException refused) {
            if (!String.valueOf(refused.getMessage()).contains("already exists")) {
                throw refused;
            }
        }
    }

    static void disconnect(DockerClient client, String network, String container) {
        try {
            client.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(container).withForce(true).exec();
        } catch (NotFoundException alreadyApart) {
            // no such network or container: the goal is reached
        } catch (DockerException refused) {
            if (!String.valueOf(refused.getMessage()).contains("is not connected")) {
                throw refused;
            }
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
