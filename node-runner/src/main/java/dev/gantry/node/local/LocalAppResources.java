package dev.gantry.node.local;

import dev.gantry.node.AppResources;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.NodeLabels;
import java.util.List;
import java.util.Map;

/** {@link AppResources} on the node's own engine: its named volumes and bridge networks. */
public final class LocalAppResources implements AppResources {

    private final ContainerEngine engine;

    public LocalAppResources(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public void createVolume(String app, String volume) {
        engine.createVolume(volume, Map.of(NodeLabels.APP, app));
    }

    @Override
    public void removeVolume(String volume) {
        engine.removeVolume(volume);
    }

    @Override
    public void connect(String network, String container, List<String> aliases) {
        engine.connectNetwork(network, container, aliases);
    }

    @Override
    public void disconnect(String network, String container) {
        engine.disconnectNetwork(network, container);
    }

    @Override
    public void removeNetwork(String network) {
        engine.removeNetwork(network);
    }
}
