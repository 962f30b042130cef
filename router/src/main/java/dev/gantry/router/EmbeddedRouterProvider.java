package dev.gantry.router;

import dev.gantry.router.api.EmbeddedRouter;
import dev.gantry.router.api.EmbeddedRouterFactory;
import io.vertx.core.Vertx;

/**
 * The router for embedded mode, found through {@code META-INF/services}: the control plane asks
 * {@link EmbeddedRouterFactory#load()} for it, so it needs this module only at run time.
 */
public final class EmbeddedRouterProvider implements EmbeddedRouterFactory {

    @Override
    public EmbeddedRouter start(Vertx vertx, String bindHost, int port, int httpsPort) {
        Router router = new Router(vertx, RouterOptions.defaults()
                .withBindHost(bindHost)
                .withPort(port)
                .withHttpsPort(httpsPort));
        router.start();
        return router;
    }
}
