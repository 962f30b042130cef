package dev.gantry.control.deploy;

import dev.gantry.control.GantryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;

/** The hostnames an app answers to through the router, and the URL people are shown. */
@ApplicationScoped
public class AppRoutes {

    private final GantryConfig config;

    AppRoutes(GantryConfig config) {
        this.config = config;
    }

    public Set<String> hostnames(String app) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(app + "." + config.baseDomain());
        hosts.add(app + ".localhost");
        return hosts;
    }

    public String url(String app) {
        int port = config.router().port();
        return "http://" + app + "." + config.baseDomain() + (port == 80 ? "" : ":" + port);
    }
}
