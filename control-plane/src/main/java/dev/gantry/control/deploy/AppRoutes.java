package dev.gantry.control.deploy;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Domain;
import dev.gantry.router.RouteControl;
import jakarta.transaction.Transactional;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The hostnames an app answers to through the router, the URL people are shown, and the one way
 * Gantry points those hostnames at instances.
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
        router.setRoute(app, hostnames(app), instances.stream().filter(AppInstance::routable)
                .map(AppInstance::backend).toList());
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

    public String url(String app) {
        int port = config.router().port();
        return "http://" + app + "." + config.baseDomain() + (port == 80 ? "" : ":" + port);
    }
}
