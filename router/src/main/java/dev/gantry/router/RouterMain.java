package dev.gantry.router;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The router as its own process, so that restarting or upgrading the control plane never touches
 * traffic. It serves the table saved by its previous run at once and takes changes from the control
 * plane through {@link RouterAdminServer}.
 *
 * <pre>
 * GANTRY_ROUTER_PORT                 8080       public HTTP port
 * GANTRY_ROUTER_BIND_HOST            0.0.0.0
 * GANTRY_ROUTER_ADMIN_PORT           8081       admin interface, always on 127.0.0.1
 * GANTRY_HOME                        /var/lib/gantry
 *     router/routes.json             the route table, saved after every change
 *     router/admin-token             the admin token (made with mode 0600 if missing)
 * GANTRY_ROUTER_CONNECT_TIMEOUT_MS   5000       backend connect timeout
 * GANTRY_ROUTER_IDLE_TIMEOUT_MS      60000      a backend silent this long mid-response gets 504
 * GANTRY_ROUTER_SHUTDOWN_GRACE_MS    10000      on SIGTERM, how long requests in flight may finish
 * GANTRY_ROUTER_EVENT_LOOPS          cores      listeners (event loops) accepting connections
 * GANTRY_ROUTER_ACCESS_LOG           on         one line per request (category dev.gantry.router.access)
 * </pre>
 *
 * Needs only vertx-core (with Netty and jackson-core) and jboss-logging on the class path.
 */
public final class RouterMain {

    private RouterMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        boolean accessLog = !"off".equalsIgnoreCase(env.getOrDefault("GANTRY_ROUTER_ACCESS_LOG", "on"))
                && !"false".equalsIgnoreCase(env.getOrDefault("GANTRY_ROUTER_ACCESS_LOG", "on"));
        StandaloneLogging.configure(accessLog);
        try {
            run(env);
        } catch (RuntimeException e) {
            StandaloneLogging.direct("ERROR", "RouterMain", "The router could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("GANTRY_HOME", "/var/lib/gantry"));
        Path stateFile = home.resolve("router").resolve("routes.json");
        int cores = Runtime.getRuntime().availableProcessors();
        RouterOptions options = RouterOptions.defaults()
                .withBindHost(env.getOrDefault("GANTRY_ROUTER_BIND_HOST", "0.0.0.0"))
                .withPort(port(env, "GANTRY_ROUTER_PORT", 8080))
                .withConnectTimeout(millis(env, "GANTRY_ROUTER_CONNECT_TIMEOUT_MS", 5_000))
                .withBackendIdleTimeout(millis(env, "GANTRY_ROUTER_IDLE_TIMEOUT_MS", 60_000))
                .withListeners(number(env, "GANTRY_ROUTER_EVENT_LOOPS", cores, 1, 256))
                .withStateFile(stateFile);
        int adminPort = port(env, "GANTRY_ROUTER_ADMIN_PORT", 8081);
        Duration grace = millis(env, "GANTRY_ROUTER_SHUTDOWN_GRACE_MS", 10_000);
        String token = AdminToken.readOrCreate(AdminToken.fileIn(home));

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(options.listeners(), cores)));
        Router router = new Router(vertx, options);
        RouterAdminServer admin = new RouterAdminServer(vertx, router, token, adminPort);
        try {
            router.start();
            admin.start();
        } catch (RuntimeException e) {
            router.close();
            vertx.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx, router, admin, grace), "gantry-router-stop"));
        org.jboss.logging.Logger.getLogger(RouterMain.class).infof(
                "Gantry router serving on %s:%d, admin interface on %s:%d, %d route(s) from %s, %d event loop(s)",
                options.bindHost(), router.port(), RouterAdminServer.BIND_HOST, admin.port(),
                router.routes().size(), stateFile, options.listeners());
    }

    private static void stop(Vertx vertx, Router router, RouterAdminServer admin, Duration grace) {
        StandaloneLogging.direct("INFO", "RouterMain", "Stopping: letting requests in flight finish (up to "
                + grace.toMillis() + " ms)");
        try {
            admin.close();
            router.shutdown(grace);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            StandaloneLogging.direct("INFO", "RouterMain", "Stopped");
        } catch (Exception e) {
            StandaloneLogging.direct("WARN", "RouterMain", "Stopped uncleanly: " + e);
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return number(env, name, fallback, 0, 65535);
    }

    private static Duration millis(Map<String, String> env, String name, int fallback) {
        return Duration.ofMillis(number(env, name, fallback, 1, Integer.MAX_VALUE));
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": must be a whole number " + min + ".." + max + ", was '" + value + "'");
    }
}
