package dev.gantry.router;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which app answers on which hostname. Immutable: a change builds a new table, and swapping the
 * reference that holds it is the atomic switch, so a request sees either the old routes or the new
 * ones, never a mix.
 */
final class RouteTable {

    static final RouteTable EMPTY = new RouteTable(Map.of());

    private final Map<String, AppRoute> byApp;
    private final Map<String, AppRoute> byHostname;

    private RouteTable(Map<String, AppRoute> byApp) {
        this.byApp = byApp;
        Map<String, AppRoute> index = new HashMap<>();
        byApp.values().forEach(route -> route.hostnames().forEach(hostname -> index.put(hostname, route)));
        this.byHostname = Map.copyOf(index);
    }

    /** A table where {@code app} has exactly these hostnames and backends. */
    RouteTable with(String app, Set<String> hostnames, List<Backend> backends) {
        requireName(app);
        if (Set.copyOf(backends).size() != backends.size()) {
            throw new IllegalArgumentException("route " + app + ": a backend is listed twice in " + backends);
        }
        Set<String> normalized = new HashSet<>();
        for (String hostname : hostnames) {
            String key = normalize(app, hostname);
            AppRoute owner = byHostname.get(key);
            if (owner != null && !owner.app().equals(app)) {
                throw new IllegalArgumentException("route " + app + ": hostname " + key
                        + " is already routed to app " + owner.app() + "; remove it from " + owner.app() + " first");
            }
            normalized.add(key);
        }
        Map<String, AppRoute> apps = new HashMap<>(byApp);
        apps.put(app, new AppRoute(app, normalized, backends));
        return new RouteTable(Map.copyOf(apps));
    }

    RouteTable without(String app) {
        if (!byApp.containsKey(app)) {
            return this;
        }
        Map<String, AppRoute> apps = new HashMap<>(byApp);
        apps.remove(app);
        return new RouteTable(Map.copyOf(apps));
    }

    /** The route for a Host header's host part (no port); null when no app answers there. */
    AppRoute forHost(String host) {
        return byHostname.get(host.toLowerCase(Locale.ROOT));
    }

    AppRoute forApp(String app) {
        return byApp.get(app);
    }

    Map<String, AppRoute> apps() {
        return byApp;
    }

    private static void requireName(String app) {
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("route: app name must not be blank");
        }
    }

    // Hostnames are compared case-insensitively (RFC 9110 4.2.3), so they are stored in lower case.
    // A port or a path would never match a Host header's host part: refuse them instead of guessing.
    private static String normalize(String app, String hostname) {
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("route " + app + ": hostname must not be blank");
        }
        for (char c : hostname.toCharArray()) {
            if (c == ':' || c == '/' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("route " + app + ": hostname '" + hostname
                        + "' must be a bare host name such as app.example.com (no port, path or spaces)");
            }
        }
        return hostname.toLowerCase(Locale.ROOT);
    }
}
