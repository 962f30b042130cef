package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.build.StackImages;
import dev.gantry.control.cluster.ClusterRegistry;
import dev.gantry.control.cluster.HostToolsImage;
import dev.gantry.node.AppResources;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.HostDisks;
import dev.gantry.node.ImageStore;
import dev.gantry.node.InstanceLogs;
import dev.gantry.node.NodeReport;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.docker.DockerEngine;
import dev.gantry.node.docker.DockerSwarm;
import dev.gantry.node.docker.SwarmHostDisks;
import dev.gantry.node.docker.SwarmInstanceLogs;
import dev.gantry.node.docker.SwarmOneOffRuns;
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
    InstanceLogs instanceLogs(DockerEngine engine, ClusterRegistry registry) {
        return new SwarmInstanceLogs(engine, new LocalInstanceLogs(engine), () -> registry.login().isPresent());
    }

    @Produces
    @Singleton
    OneOffRuns oneOffRuns(DockerEngine engine, ClusterRegistry registry) {
        return new SwarmOneOffRuns(engine, new LocalOneOffRuns(engine), () -> registry.login().isPresent());
    }

    /**
     * The other hosts' disks, read and freed by a Swarm job of Gantry's host-tools image (built here, pulled
     * from the registry there): nothing of Gantry's runs on those hosts between two jobs.
     */
    @Produces
    @Singleton
    HostDisks hostDisks(DockerEngine engine, DockerSwarm swarm, ClusterRegistry registry, StackImages stackImages,
            ImageStore images, GantryConfig config) {
        HostToolsImage tools = new HostToolsImage(stackImages, images, SwarmHostDisks.tool());
        return new SwarmHostDisks(engine, swarm, registry::login, tools::reference, config.cluster().hostEngineSocket());
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
