package dev.gantry.node.local;

import dev.gantry.node.AppResources;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.NodeLabels;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@link AppResources} on the node's own engine: its named volumes and bridge networks, and, once this
 * host manages a cluster, the apps' overlays, which its containers join as well: a backing service stays
 * here beside its volume and is reached from every host.
 */
public final class LocalAppResources implements AppResources {

    private final ContainerEngine engine;
    private final BooleanSupplier clustered;

    /** {@code clustered}: whether this host manages a cluster now, asked at every call. */
    public LocalAppResources(ContainerEngine engine, BooleanSupplier clustered) {
        this.engine = engine;
        this.clustered = clustered;
    }

    @Override
    public void createVolume(String app, String volume) {
        engine.createVolume(volume, Map.of(NodeLabels.APP, app));
    }

    @Override
    public void removeVolume(String volume) {
        engine.removeVolume(volume);
    }

    /**
     * The bridge always, as on one host: instances started before the cluster stay on it until they are
     * retired. The overlay only on a cluster, where one host never makes one.
     */
    @Override
    public void connect(NetworkAttachment network, String container) {
        engine.connectNetwork(network.network(), container, network.aliases());
        if (onCluster(network)) {
            engine.connectOverlay(network.overlay(), container, network.aliases());
        }
    }

    @Override
    public void disconnect(NetworkAttachment network, String container) {
        engine.disconnectNetwork(network.network(), container);
        if (onCluster(network)) {
            engine.disconnectNetwork(network.overlay(), container);
        }
    }

    @Override
    public void removeNetwork(String network) {
        engine.removeNetwork(network);
    }

    private boolean onCluster(NetworkAttachment network) {
        return network.overlay() != null && clustered.getAsBoolean();
    }
}
