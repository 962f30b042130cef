package dev.gantry.router.api;

/**
 * A router inside the caller's process (embedded mode: tests, tiny hosts), made by
 * {@link EmbeddedRouterFactory}. {@link #close()} stops it; the Vert.x it runs on keeps running.
 */
public interface EmbeddedRouter extends RouteControl, AutoCloseable {

    @Override
    void close();
}
