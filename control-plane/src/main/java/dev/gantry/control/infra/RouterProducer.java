package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.router.api.AdminToken;
import dev.gantry.router.api.EmbeddedRouter;
import dev.gantry.router.api.EmbeddedRouterFactory;
import dev.gantry.router.api.RouteControl;
import dev.gantry.router.api.RouterAdminClient;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * The router the control plane steers. By default it is its own process (started by
 * {@code ./gantry up}), reached over its local admin interface, so restarting the control plane
 * never touches traffic. In {@code embedded} mode it runs on the control plane's own Vert.x, found at
 * run time ({@link EmbeddedRouterFactory}): the control plane compiles against router-api only.
 */
@ApplicationScoped
public class RouterProducer {

    @Produces
    @Singleton
    RouteControl router(Vertx vertx, GantryConfig config) {
        if (config.router().mode() == GantryConfig.RouterMode.EMBEDDED) {
            return EmbeddedRouterFactory.load().start(vertx, config.router().bindHost(), config.router().port(),
                    config.router().httpsPort() == 0 ? -1 : config.router().httpsPort());
        }
        // Whichever of router and control plane starts first makes the shared secret.
        String token = AdminToken.readOrCreate(AdminToken.fileIn(config.home()));
        return new RouterAdminClient(URI.create("http://127.0.0.1:" + config.router().adminPort()), token);
    }

    void close(@Disposes RouteControl router) {
        if (router instanceof EmbeddedRouter embedded) {
            embedded.close();
        }
    }
}
