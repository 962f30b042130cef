package dev.gantry.router;

import dev.gantry.router.api.AdminTls;
import dev.gantry.router.api.AdminToken;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.jboss.logging.Logger;

/**
 * The router as its own process, so that restarting or upgrading the control plane never touches
 * traffic. It serves the table saved by its previous run at once and takes changes from the control
 * plane through {@link RouterAdminServer}. Restarting it drops no request when the new process starts
 * beside the old one, which is stopped once the new one is ready (see {@link RouterProcess}).
 *
 * <pre>
 * GANTRY_ROUTER_PORT                 8080       public HTTP port
 * GANTRY_ROUTER_HTTPS_PORT           8443       public HTTPS port (certificates by SNI); 0 serves no HTTPS
 * GANTRY_ROUTER_BIND_HOST            0.0.0.0
 * GANTRY_ROUTER_ADMIN_PORT           8081       admin interface
 * GANTRY_ROUTER_ADMIN_BIND_HOST      127.0.0.1  its address; another one (a router host of its own) needs
 *                                               router/admin-tls.crt and .key (the cluster's CA's, for it)
 * GANTRY_HOME                        /var/lib/gantry
 *     router/routes.json             the route table and certificates, saved after every change (mode 0600)
 *     router/admin-token             the admin token (made with mode 0600 if missing)
 *     router/admin-tls.crt, .key     when present, the admin interface is HTTPS with them
 *     router/routes.lock             held by the router that takes route changes
 *     run/router.ready               the pid of the router that last began serving (readiness)
 * GANTRY_ROUTER_CONNECT_TIMEOUT_MS   5000       backend connect timeout
 * GANTRY_ROUTER_IDLE_TIMEOUT_MS      60000      a backend silent this long mid-response gets 504
 * GANTRY_ROUTER_SHUTDOWN_GRACE_MS    10000      on SIGTERM, how long requests in flight may finish
 * GANTRY_ROUTER_EVENT_LOOPS          cores      listeners (event loops) accepting connections
 * GANTRY_ROUTER_ACCESS_LOG           on         one line per request (category dev.gantry.router.access)
 * </pre>
 *
 * Needs vertx-core (with Netty), jackson-databind, jboss-logging and Gantry's common, router-api and
 * service-http on the class path, plus netty-transport-native-epoll for restarts beside the old
 * process (SO_REUSEPORT).
 */
public final class RouterMain {

    // The router being replaced lets go of the route table as soon as it gets SIGTERM; this only
    // bounds the wait when someone starts a second router by hand and never stops the first.
    private static final Duration TAKE_OVER_WAIT = Duration.ofSeconds(60);

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
                .withHttpsPort(httpsPort(env))
                .withConnectTimeout(millis(env, "GANTRY_ROUTER_CONNECT_TIMEOUT_MS", 5_000))
                .withBackendIdleTimeout(millis(env, "GANTRY_ROUTER_IDLE_TIMEOUT_MS", 60_000))
                .withListeners(number(env, "GANTRY_ROUTER_EVENT_LOOPS", cores, 1, 256))
                .withStateFile(stateFile)
                .withReusePort(true);
        int adminPort = port(env, "GANTRY_ROUTER_ADMIN_PORT", 8081);
        Duration grace = millis(env, "GANTRY_ROUTER_SHUTDOWN_GRACE_MS", 10_000);
        String token = AdminToken.readOrCreate(AdminToken.fileIn(home));
        String adminBindHost = env.getOrDefault("GANTRY_ROUTER_ADMIN_BIND_HOST", RouterAdminServer.LOOPBACK);
        SSLContext adminTls = AdminTls.serving(home.resolve("router")).orElse(null);

        Vertx vertx = HandoverTransport.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(options.listeners(), cores)));
        Logger log = Logger.getLogger(RouterMain.class);
        if (!vertx.isNativeTransportEnabled()) {
            log.warnf("No epoll transport (%s): a new router cannot listen beside this one, so ./gantry restart-router "
                    + "fails; ./gantry down and up restart it with a gap", vertx.unavailableNativeTransportCause());
        }
        Router router = new Router(vertx, options);
        RouterAdminServer admin = new RouterAdminServer(router, token, adminBindHost, adminPort, adminTls);
        RouterProcess process = new RouterProcess(vertx, router, admin, home);
        try {
            process.serve();
        } catch (RuntimeException e) {
            router.close();
            vertx.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, grace), "gantry-router-stop"));
        process.takeOverRoutes(TAKE_OVER_WAIT);
        log.infof("Gantry router serving on %s:%d, admin interface on %s, %d route(s) from %s, %d event loop(s), "
                + "pid %d", options.bindHost(), router.port(), admin.address(),
                router.routes().size(), stateFile, options.listeners(), ProcessHandle.current().pid());
    }

    private static void stop(RouterProcess process, Duration grace) {
        StandaloneLogging.direct("INFO", "RouterMain", "Stopping (pid " + ProcessHandle.current().pid()
                + "): no new connections; letting requests in flight finish (up to " + grace.toMillis() + " ms)");
        try {
            process.stop(grace);
            StandaloneLogging.direct("INFO", "RouterMain", "Stopped (pid " + ProcessHandle.current().pid() + ")");
        } catch (RuntimeException e) {
            StandaloneLogging.direct("WARN", "RouterMain", "Stopped uncleanly: " + e.getMessage());
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return number(env, name, fallback, 0, 65535);
    }

    // Here 0 means no HTTPS, as for operators a port is either set or off; RouterOptions (and tests)
    // take 0 for a free port.
    private static int httpsPort(Map<String, String> env) {
        int port = port(env, "GANTRY_ROUTER_HTTPS_PORT", 8443);
        return port == 0 ? -1 : port;
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
