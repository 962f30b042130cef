package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.node.docker.DockerEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The node's container engine; in all-in-one mode the local Docker engine. Produced as the Docker
 * adapter itself, so the cluster's wiring reaches the same connection for Swarm's calls.
 */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @Singleton
    DockerEngine containerEngine(GantryConfig config) {
        return DockerEngine.connect(config.docker().host());
    }
}
