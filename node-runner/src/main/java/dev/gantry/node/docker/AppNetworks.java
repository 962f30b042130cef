package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
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
 *
 * <p>On a cluster an app's instances run on its overlay network instead, which spans the hosts
 * ({@link dev.gantry.node.NetworkAttachment#overlay}).
 */
final class AppNetworks {

    static final String INTERFACE_PREFIX = "gantry-";
    /** Removing an overlay waits while the cluster still stops tasks on it. */
    private static final int OVERLAY_REMOVE_TRIES = 30;
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

    /**
     * Makes the app's overlay network when it does not exist yet. Attachable, so that a container started
     * on its own (a one-off run) can join it too.
     */
    static void ensureOverlay(DockerClient client, String overlay) {
        try {
            client.inspectNetworkCmd().withNetworkId(overlay).exec();
            return;
        } catch (NotFoundException missing) {
            // made below
        }
        try {
            client.createNetworkCmd().withName(overlay).withDriver("overlay").withAttachable(true)
                    .withCheckDuplicate(true).exec();
        } catch (ConflictException madeMeanwhile) {
            // another placement made it first: the goal is reached
        }
    }

    /** Waits (up to half a minute) while the cluster still stops the tasks of the app's removed services. */
    private static void removeOverlay(DockerClient client, String overlay) {
        for (int tries = 1; ; tries++) {
            try {
                client.removeNetworkCmd(overlay).exec();
                return;
            } catch (NotFoundException alreadyGone) {
                return;
            } catch (ConflictException | InternalServerErrorException inUse) {
                if (tries >= OVERLAY_REMOVE_TRIES) {
                    throw new IllegalStateException("network " + overlay + " is still in use by a task", inUse);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a network's tasks to stop", e);
        }
    }

    /** Removes an app's network, a bridge at once, an overlay once the cluster stopped the tasks on it. */
    static void remove(DockerClient client, String network) {
        try {
            if ("overlay".equals(client.inspectNetworkCmd().withNetworkId(network).exec().getDriver())) {
                removeOverlay(client, network);
                return;
            }
        } catch (NotFoundException alreadyGone) {
            return;
        }
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
