package dev.gantry.control.routing;

import dev.gantry.control.ConflictException;
import dev.gantry.control.ForbiddenException;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Domain;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.users.Authorization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code domains:add APP example.com}: custom hostnames, served by the router as soon as they are
 * added. A hostname belongs to one app; names under the base domain are the apps' own
 * ({@code APP.<base domain>}) and cannot be claimed by another app. Admins may add a wildcard
 * ({@code *.example.com}), which serves every name one label below it that no app has exactly.
 */
@ApplicationScoped
public class DomainService {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;
    private static final String WILDCARD = "*.";

    private final AppService apps;
    private final AppRoutes routes;
    private final AppLocks locks;
    private final AppEvents events;
    private final GantryConfig config;
    private final Authorization authorization;

    DomainService(AppService apps, AppRoutes routes, AppLocks locks, AppEvents events, GantryConfig config,
            Authorization authorization) {
        this.apps = apps;
        this.routes = routes;
        this.locks = locks;
        this.events = events;
        this.config = config;
        this.authorization = authorization;
    }

    @Transactional
    public List<String> domains(String app) {
        return Domain.of(apps.get(app)).stream().map(domain -> domain.hostname).toList();
    }

    /** Returns the hostname as stored (lowercase). */
    public String add(String app, String hostname, String user) {
        String name = checked(hostname);
        // A wildcard takes every name below a domain, which may be other teams' to claim: admins decide.
        if (name.startsWith(WILDCARD) && !authorization.isAdmin(user)) {
            throw new ForbiddenException("only admins may add a wildcard domain such as " + name
                    + ". Ask an admin, or add the hostnames one by one");
        }
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, line -> { })) {
            store(app, name, user);
            routes.refresh(app);
        }
        events.record(app, "domain " + name + " added by " + user);
        return name;
    }

    public void remove(String app, String hostname, String user) {
        String name = hostname.toLowerCase(Locale.ROOT);
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, line -> { })) {
            delete(app, name);
            routes.refresh(app);
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

    /** {@code domains:redirect-https APP on|off}: from now on, plain HTTP requests get 308 to HTTPS, or not. */
    public void redirectHttps(String app, boolean on, String user) {
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, line -> { })) {
            storeRedirect(app, on);
            routes.refresh(app);
        }
        events.record(app, "HTTP to HTTPS redirect turned " + (on ? "on" : "off") + " by " + user);
    }

    @Transactional
    public boolean redirectsHttps(String app) {
        return apps.get(app).redirectHttps;
    }

    @Transactional
    void storeRedirect(String appName, boolean on) {
        apps.get(appName).redirectHttps = on;
    }

    private String checked(String hostname) {
        String name = hostname == null ? "" : hostname.toLowerCase(Locale.ROOT);
        // Only a whole first label may be a wildcard (*.example.com), and then at least two labels follow.
        String rest = name.startsWith(WILDCARD) ? name.substring(WILDCARD.length()) : name;
        boolean valid = name.length() <= MAX_LENGTH && rest.contains(".")
                && Pattern.compile("\\.").splitAsStream(rest).allMatch(label -> LABEL.matcher(label).matches());
        if (!valid) {
            throw new InvalidInputException("'" + hostname + "' is not a hostname. Give a name such as www.example.com"
                    + " or, for admins, *.example.com (letters, digits and dashes in dot-separated labels, no scheme,"
                    + " port or path)");
        }
        if (name.endsWith("." + config.baseDomain()) || name.equals(config.baseDomain())
                || name.endsWith(".localhost")) {
            throw new InvalidInputException(name + " is under Gantry's base domain, where each app has its own name."
                    + " Add a domain of your own");
        }
        return name;
    }
}
