package dev.gantry.router.api;

import io.vertx.core.Vertx;
import java.util.ServiceLoader;

/**
 * Starts an {@link EmbeddedRouter}. The router module provides it ({@code META-INF/services}), so that
 * a caller compiles against router-api alone and needs the router, its data path included, only at
 * run time, and only in embedded mode.
 */
public interface EmbeddedRouterFactory {

    /**
     * A router serving on {@code vertx}'s event loops; returns once it accepts connections. Call it
     * from outside an event loop.
     *
     * @param port 0 for a free port
     * @param httpsPort 0 for a free port, -1 for no HTTPS
     */
    EmbeddedRouter start(Vertx vertx, String bindHost, int port, int httpsPort);

    /** The router module's factory; fails with the fix when the router is not on the class path. */
    static EmbeddedRouterFactory load() {
        return ServiceLoader.load(EmbeddedRouterFactory.class, EmbeddedRouterFactory.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the embedded router needs the router module"
                        + " (gantry-router) on the class path; without it, run the router as its own process"
                        + " (gantry.router.mode=process)"));
    }
}
