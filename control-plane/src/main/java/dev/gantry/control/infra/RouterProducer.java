package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.router.Router;
import dev.gantry.router.RouterOptions;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The router runs inside the control plane in all-in-one mode, on Quarkus' own Vert.x. */
@ApplicationScoped
public class RouterProducer {

    @Produces
    @Singleton
    Router router(Vertx vertx, GantryConfig config) {
        Router router = new Router(vertx, RouterOptions.defaults()
                .withBindHost(config.router().bindHost())
                .withPort(config.router().port()));
        router.start();
        return router;
    }

    void close(@Disposes Router router) {
        router.close();
    }
}
