package dev.gantry.node.docker;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.RunningContainer;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@link OneOffRuns} of a host that may manage a cluster. A run stays on this host, the manager, in
 * every case: it is attached to its caller's streams (stdin, a terminal), which the engine's attach
 * API gives and a Swarm service does not, and another host's engine API is closed to Gantry. On a
 * cluster it joins the app's overlay network besides this host's bridge: on the overlay it reaches the
 * app's instances on every host by their names ({@code web.internal}), on the bridge the backing
 * services linked to the app, which live on this host. The image is here already, since every build
 * is made here. Until a cluster is formed, everything is as on one host.
 */
public final class SwarmOneOffRuns implements OneOffRuns {

    private final DockerEngine engine;
    private final OneOffRuns host;
    private final BooleanSupplier clustered;

    /** {@code host}: the runs on this host's engine; {@code clustered}: whether it manages a cluster now. */
    public SwarmOneOffRuns(DockerEngine engine, OneOffRuns host, BooleanSupplier clustered) {
        this.engine = engine;
        this.host = host;
        this.clustered = clustered;
    }

    @Override
    public int run(ContainerSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty) {
        NetworkAttachment network = spec.network();
        if (network == null || network.overlay() == null || !clustered.getAsBoolean()) {
            return host.run(spec, stdin, stdout, stderr, tty);
        }
        // Made now if no instance of the app has run on the cluster yet.
        engine.call(() -> {
            AppNetworks.ensureOverlay(engine.client(), network.overlay());
            return null;
        });
        return new OneOffRun(engine, spec, List.of(network.overlay())).run(stdin, stdout, stderr, tty);
    }

    @Override
    public List<RunningContainer> list(Map<String, String> labels) {
        return host.list(labels);
    }

    @Override
    public void remove(String run, Duration grace) {
        host.remove(run, grace);
    }
}
