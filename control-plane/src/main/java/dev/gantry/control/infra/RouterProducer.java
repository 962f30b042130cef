package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.routing.RouterFanOut;
import dev.gantry.control.tls.RouterAdminCertificates;
import dev.gantry.router.api.AdminTls;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The router the control plane steers. By default it is its own process (started by
 * {@code ./gantry up}), reached over its local admin interface, so restarting the control plane
 * never touches traffic. In {@code embedded} mode it runs on the control plane's own Vert.x, found at
 * run time ({@link EmbeddedRouterFactory}): the control plane compiles against router-api only.
 * With routers on other hosts ({@code GANTRY_REMOTE_ROUTERS}) it steers them all through a
 * {@link RouterFanOut}, this host's router being the reference; those over HTTPS get a certificate
 * of the cluster's CA ({@link RouterAdminCertificates}) and are trusted by it alone.
 */
@ApplicationScoped
public class RouterProducer {

    /** How soon a remote router that answers again gets the whole table and takes changes again. */
    private static final Duration RESYNC_EVERY = Duration.ofSeconds(2);
    /**
     * How long a change waits for a remote router that does not answer before it drops out of step: a
     * handover closes its admin interface for milliseconds, and a router out of step may still send
     * to instances a cutover is about to stop.
     */
    private static final Duration REMOTE_PATIENCE = Duration.ofSeconds(5);

    @Produces
    @Singleton
    RouteControl router(Vertx vertx, GantryConfig config) {
        RouteControl local = localRouter(vertx, config);
        List<String> remotes = config.router().remotes().orElse(List.of());
        if (remotes.isEmpty()) {
            return local;
        }
        String token = AdminToken.readOrCreate(AdminToken.fileIn(config.home()));
        RouterAdminCertificates certificates = new RouterAdminCertificates(config.home());
        SSLContext pinned = null;
        Map<String, RouteControl> clients = new LinkedHashMap<>();
        for (String remote : remotes) {
            URI address = RemoteRouterAddress.parse(remote);
            SSLContext tls = null;
            if ("https".equals(address.getScheme())) {
                certificates.ensure(address.getHost());
                pinned = pinned != null ? pinned : AdminTls.trusting(certificates.authority());
                tls = pinned;
            }
            clients.put(address.toString(), new RouterAdminClient(address, token, tls, REMOTE_PATIENCE));
        }
        return new RouterFanOut(local, clients, RESYNC_EVERY);
    }

    private static RouteControl localRouter(Vertx vertx, GantryConfig config) {
        if (config.router().mode() == GantryConfig.RouterMode.EMBEDDED) {
            return EmbeddedRouterFactory.load().start(vertx, config.router().bindHost(), config.router().port(),
                    config.router().httpsPort() == 0 ? -1 : config.router().httpsPort());
        }
        // Whichever of router and control plane starts first makes the shared secret.
        String token = AdminToken.readOrCreate(AdminToken.fileIn(config.home()));
        return new RouterAdminClient(URI.create("http://127.0.0.1:" + config.router().adminPort()), token);
    }

    void close(@Disposes RouteControl router) {
        RouteControl local = router;
        if (router instanceof RouterFanOut fanOut) {
            fanOut.close();
            local = fanOut.reference();
        }
        if (local instanceof EmbeddedRouter embedded) {
            embedded.close();
        }
    }
}
