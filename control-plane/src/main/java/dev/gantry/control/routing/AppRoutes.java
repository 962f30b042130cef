package dev.gantry.control.routing;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Certificate;
import dev.gantry.control.domain.Domain;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.RouteControl;
import dev.gantry.router.api.TlsCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hostnames an app answers to through the router, the URL people are shown, and the one way
 * Gantry points those hostnames (with their certificates and HTTPS redirect) at instances.
 */
@ApplicationScoped
public class AppRoutes {

    private final GantryConfig config;
    private final RouteControl router;

    AppRoutes(GantryConfig config, RouteControl router) {
        this.config = config;
        this.router = router;
    }

    /**
     * Swaps the app's backends in one atomic step for the routable web instances among
     * {@code instances}; none means the router answers 503 for the app.
     */
    public void routeTo(String app, Collection<AppInstance> instances) {
        router.setRoute(route(app, instances.stream().filter(AppInstance::routable).map(AppInstance::backend).toList()));
    }

    /**
     * Gives the router the app's hostnames, certificates and HTTPS redirect as stored now, at once;
     * the backends stay as they are.
     */
    public void refresh(String app) {
        AppRoute current = router.routes().get(app);
        router.setRoute(route(app, current == null ? List.of() : current.backends()));
    }

    /** The route of the app's stored settings to {@code backends}; read in one transaction. */
    @Transactional
    AppRoute route(String app, List<Backend> backends) {
        App found = App.findByName(app).orElse(null);
        if (found == null) {
            return new AppRoute(app, hostnames(app), backends);
        }
        List<TlsCertificate> certificates = Certificate.of(found).stream()
                .map(certificate -> TlsCertificate.fromPem(certificate.chain, certificate.privateKey)).toList();
        return new AppRoute(app, hostnames(app), backends, certificates, found.redirectHttps);
    }

    /** {@code APP.<base domain>}, {@code APP.localhost} and the app's custom domains. */
    @Transactional
    public Set<String> hostnames(String app) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(app + "." + config.baseDomain());
        hosts.add(app + ".localhost");
        App.findByName(app).ifPresent(found -> Domain.of(found).forEach(domain -> hosts.add(domain.hostname)));
        return hosts;
    }

    /** The default certificate, for HTTPS clients whose server name no app's certificate covers. */
    public void serveDefaultCertificate(TlsCertificate certificate) {
        router.setDefaultCertificate(certificate);
    }

    public String url(String app) {
        int port = config.router().port();
        return "http://" + app + "." + config.baseDomain() + (port == 80 ? "" : ":" + port);
    }
}
