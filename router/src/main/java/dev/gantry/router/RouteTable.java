package dev.gantry.router;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.TlsCertificate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which app answers on which hostname, and which certificate a TLS handshake for a name gets.
 * Immutable: a change builds a new table, and swapping the reference that holds it is the atomic
 * switch, so a request sees either the old routes or the new ones, never a mix.
 */
final class RouteTable {

    static final RouteTable EMPTY = new RouteTable(Map.of(), null);
    private static final String WILDCARD = "*.";

    private final Map<String, AppRoute> byApp;
    private final Map<String, AppRoute> byHostname;
    private final Map<String, TlsCertificate> certificateByName;
    private final Map<String, TlsCertificate> certificateByFingerprint;
    private final TlsCertificate defaultCertificate;

    private RouteTable(Map<String, AppRoute> byApp, TlsCertificate defaultCertificate) {
        this.byApp = byApp;
        this.defaultCertificate = defaultCertificate;
        Map<String, AppRoute> index = new HashMap<>();
        Map<String, TlsCertificate> names = new HashMap<>();
        Map<String, TlsCertificate> fingerprints = new HashMap<>();
        byApp.values().forEach(route -> {
            route.hostnames().forEach(hostname -> index.put(hostname, route));
            // A certificate serves only the names of its own route: one naming another app's host takes nothing from it.
            route.certificates().forEach(certificate -> {
                certificate.dnsNames().stream().filter(route.hostnames()::contains)
                        .forEach(name -> names.put(name, certificate));
                fingerprints.put(certificate.fingerprint(), certificate);
            });
        });
        if (defaultCertificate != null) {
            fingerprints.put(defaultCertificate.fingerprint(), defaultCertificate);
        }
        this.byHostname = Map.copyOf(index);
        this.certificateByName = Map.copyOf(names);
        this.certificateByFingerprint = Map.copyOf(fingerprints);
    }

    /** A table where {@code app} has exactly these hostnames and backends, over plain HTTP only. */
    RouteTable with(String app, Set<String> hostnames, List<Backend> backends) {
        return with(new AppRoute(app, hostnames, backends));
    }

    /** A table where {@code route.app()} has exactly this route. */
    RouteTable with(AppRoute route) {
        String app = route.app();
        requireName(app);
        if (Set.copyOf(route.backends()).size() != route.backends().size()) {
            throw new IllegalArgumentException("route " + app + ": a backend is listed twice in " + route.backends());
        }
        Set<String> normalized = new HashSet<>();
        for (String hostname : route.hostnames()) {
            String key = normalize(app, hostname);
            AppRoute owner = byHostname.get(key);
            if (owner != null && !owner.app().equals(app)) {
                throw new IllegalArgumentException("route " + app + ": hostname " + key
                        + " is already routed to app " + owner.app() + "; remove it from " + owner.app() + " first");
            }
            normalized.add(key);
        }
        Map<String, AppRoute> apps = new HashMap<>(byApp);
        apps.put(app, new AppRoute(app, normalized, route.backends(), route.certificates(), route.redirectHttps()));
        return new RouteTable(Map.copyOf(apps), defaultCertificate);
    }

    RouteTable without(String app) {
        if (!byApp.containsKey(app)) {
            return this;
        }
        Map<String, AppRoute> apps = new HashMap<>(byApp);
        apps.remove(app);
        return new RouteTable(Map.copyOf(apps), defaultCertificate);
    }

    /** The same routes, with the certificate for names no route's certificate covers. */
    RouteTable withDefaultCertificate(TlsCertificate certificate) {
        return new RouteTable(byApp, certificate);
    }

    /**
     * The route for a Host header's host part (no port); null when no app answers there. An exact
     * hostname wins over a wildcard; the wildcard lookup allocates, so only requests it serves pay.
     */
    AppRoute forHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        AppRoute exact = byHostname.get(name);
        return exact != null ? exact : byHostname.get(wildcardOf(name));
    }

    /**
     * The certificate for a TLS client's server name (SNI): an exact name of a certificate, else a
     * wildcard one, else the default. Null server names (clients that send none) get the default.
     */
    TlsCertificate certificateFor(String serverName) {
        if (serverName != null) {
            String name = serverName.toLowerCase(Locale.ROOT);
            TlsCertificate exact = certificateByName.get(name);
            TlsCertificate found = exact != null ? exact : certificateByName.get(wildcardOf(name));
            if (found != null) {
                return found;
            }
        }
        return defaultCertificate;
    }

    TlsCertificate certificateByFingerprint(String fingerprint) {
        return certificateByFingerprint.get(fingerprint);
    }

    TlsCertificate defaultCertificate() {
        return defaultCertificate;
    }

    AppRoute forApp(String app) {
        return byApp.get(app);
    }

    Map<String, AppRoute> apps() {
        return byApp;
    }

    // www.example.com -> *.example.com: a wildcard covers exactly one label (RFC 6125 6.4.3).
    private static String wildcardOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? WILDCARD : WILDCARD + name.substring(dot + 1);
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
        if (hostname.lastIndexOf('*') > 0 || (hostname.startsWith("*") && !hostname.startsWith(WILDCARD))) {
            throw new IllegalArgumentException("route " + app + ": hostname '" + hostname
                    + "' may have a wildcard only as its whole first label, as in *.example.com");
        }
        return hostname.toLowerCase(Locale.ROOT);
    }
}
