package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.docker.DockerEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The node's container engine; in all-in-one mode the local Docker engine. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @Singleton
    ContainerEngine containerEngine(GantryConfig config) {
        return DockerEngine.connect(config.docker().host());
    }
}
