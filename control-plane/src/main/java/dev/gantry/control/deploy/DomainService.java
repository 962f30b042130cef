package dev.gantry.control.deploy;

import dev.gantry.control.ConflictException;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Domain;
import dev.gantry.router.AppRoute;
import dev.gantry.router.RouteControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code domains:add APP example.com}: custom hostnames, served by the router as soon as they are
 * added. A hostname belongs to one app; names under the base domain are the apps' own
 * ({@code APP.<base domain>}) and cannot be claimed by another app.
 */
@ApplicationScoped
public class DomainService {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    private final AppService apps;
    private final AppRoutes routes;
    private final RouteControl router;
    private final AppLocks locks;
    private final AppEvents events;
    private final GantryConfig config;

    DomainService(AppService apps, AppRoutes routes, RouteControl router, AppLocks locks, AppEvents events,
            GantryConfig config) {
        this.apps = apps;
        this.routes = routes;
        this.router = router;
        this.locks = locks;
        this.events = events;
        this.config = config;
    }

    @Transactional
    public List<String> domains(String app) {
        return Domain.of(apps.get(app)).stream().map(domain -> domain.hostname).toList();
    }

    /** Returns the hostname as stored (lowercase). */
    public String add(String app, String hostname, String user) {
        String name = checked(hostname);
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, line -> { })) {
            store(app, name, user);
            refreshRoute(app);
        }
        events.record(app, "domain " + name + " added by " + user);
        return name;
    }

    public void remove(String app, String hostname, String user) {
        String name = hostname.toLowerCase(Locale.ROOT);
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, line -> { })) {
            delete(app, name);
            refreshRoute(app);
        }
        events.record(app, "domain " + name + " removed by " + user);
    }

    @Transactional
    void store(String appName, String hostname, String user) {
        App app = apps.get(appName);
        Domain.findByHostname(hostname).ifPresent(taken -> {
            throw new ConflictException(hostname + (taken.app.name.equals(appName) ? " is already a domain of "
                    + appName : " belongs to another app. Remove it there first (domains:remove)"));
        });
        Domain.add(app, hostname, user);
    }

    @Transactional
    void delete(String appName, String hostname) {
        App app = apps.get(appName);
        Domain domain = Domain.findByHostname(hostname).filter(found -> found.app.id.equals(app.id))
                .orElseThrow(() -> new NotFoundException(hostname + " is not a domain of " + appName
                        + ". Run 'domains " + appName + "' to list them"));
        domain.delete();
    }

    /** The router's table gets the new hostnames at once; the backends stay as they are. */
    private void refreshRoute(String app) {
        AppRoute current = router.routes().get(app);
        router.setRoute(app, routes.hostnames(app), current == null ? List.of() : current.backends());
    }

    private String checked(String hostname) {
        String name = hostname == null ? "" : hostname.toLowerCase(Locale.ROOT);
        boolean valid = name.length() <= MAX_LENGTH && name.contains(".")
                && Pattern.compile("\\.").splitAsStream(name).allMatch(label -> LABEL.matcher(label).matches());
        if (!valid) {
            throw new InvalidInputException("'" + hostname + "' is not a hostname. Give a name such as www.example.com"
                    + " (letters, digits and dashes in dot-separated labels, no scheme, port or path)");
        }
        if (name.endsWith("." + config.baseDomain()) || name.equals(config.baseDomain())
                || name.endsWith(".localhost")) {
            throw new InvalidInputException(name + " is under Gantry's base domain, where each app has its own name."
                    + " Add a domain of your own");
        }
        return name;
    }
}
