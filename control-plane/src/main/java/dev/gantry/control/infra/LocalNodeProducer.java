package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.cluster.ClusterRegistry;
import dev.gantry.node.AppResources;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ImageStore;
import dev.gantry.node.InstanceLogs;
import dev.gantry.node.NodeReport;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.docker.DockerEngine;
import dev.gantry.node.docker.DockerSwarm;
import dev.gantry.node.local.LocalAppResources;
import dev.gantry.node.local.LocalInstanceLogs;
import dev.gantry.node.local.LocalNodeReport;
import dev.gantry.node.local.LocalOneOffRuns;
import dev.gantry.node.local.RegistryImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What the control plane asks of the node besides its instances ({@link NodeRunnerProducer}), on the
 * one node it runs on: the ports of {@code dev.gantry.node} over the local engine, the images published
 * to the cluster's registry once there is one, and the cluster's membership through the engine's swarm.
 * Only this wiring knows the engine; the services see the ports.
 */
@ApplicationScoped
public class LocalNodeProducer {

    @Produces
    @Singleton
    ImageStore images(ContainerEngine engine, ClusterRegistry registry) {
        return new RegistryImageStore(engine, registry::login);
    }

    @Produces
    @Singleton
    DockerSwarm membership(DockerEngine engine, GantryConfig config) {
        return new DockerSwarm(engine, config.node().advertiseAddress());
    }

    @Produces
    @Singleton
    InstanceLogs instanceLogs(ContainerEngine engine) {
        return new LocalInstanceLogs(engine);
    }

    @Produces
    @Singleton
    OneOffRuns oneOffRuns(ContainerEngine engine) {
        return new LocalOneOffRuns(engine);
    }

    @Produces
    @Singleton
    AppResources appResources(ContainerEngine engine, ClusterRegistry registry) {
        return new LocalAppResources(engine, () -> registry.login().isPresent());
    }

    @Produces
    @Singleton
    NodeReport nodeReport(ContainerEngine engine) {
        return new LocalNodeReport(engine);
    }
}
