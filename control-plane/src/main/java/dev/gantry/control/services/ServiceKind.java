package dev.gantry.control.services;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.domain.BackingService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of backing service and what sets them apart: the word people type, the versions Debian
 * packages, the port, the alias a link uses unless told otherwise, the Heroku add-on names that ask
 * for one in app.json, and the config vars a link gives an app. Everything else (server, backup,
 * restore, console) is a script of the same name in each kind's image.
 */
public enum ServiceKind {

    POSTGRES(BackingService.Type.POSTGRES, "postgres", "PostgreSQL", List.of("15"), 5432, "DATABASE",
            Set.of("heroku-postgresql"), false) {
        @Override
        Map<String, String> linkVars(String alias, ServiceAddress address) {
            String base = address.host() + ":" + port() + "/" + address.database();
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put(alias + "_URL", "postgres://" + address.user() + ":" + address.password() + "@" + base);
            // Heroku's names for Java: a JDBC URL that connects on its own, and the parts for pools that want them.
            vars.put("JDBC_" + alias + "_URL", "jdbc:postgresql://" + base + "?user=" + address.user() + "&password="
                    + address.password());
            vars.put("JDBC_" + alias + "_USERNAME", address.user());
            vars.put("JDBC_" + alias + "_PASSWORD", address.password());
            return vars;
        }
    },

    REDIS(BackingService.Type.REDIS, "redis", "Redis", List.of("7"), 6379, "REDIS", Set.of("heroku-redis"), true) {
        @Override
        Map<String, String> linkVars(String alias, ServiceAddress address) {
            return Map.of(alias + "_URL", "redis://:" + address.password() + "@" + address.host() + ":" + port());
        }
    };

    private final BackingService.Type type;
    private final String word;
    private final String product;
    private final List<String> versions;
    private final int port;
    private final String defaultAlias;
    private final Set<String> addons;
    private final boolean restoresOffline;

    ServiceKind(BackingService.Type type, String word, String product, List<String> versions, int port,
            String defaultAlias, Set<String> addons, boolean restoresOffline) {
        this.type = type;
        this.word = word;
        this.product = product;
        this.versions = versions;
        this.port = port;
        this.defaultAlias = defaultAlias;
        this.addons = addons;
        this.restoresOffline = restoresOffline;
    }

    /** Where a service's instance and one-off runs reach it, and as whom. */
    record ServiceAddress(String host, String user, String database, String password) {
    }

    /** The config vars a link under {@code alias} gives an app. */
    abstract Map<String, String> linkVars(String alias, ServiceAddress address);

    /** As people type it: {@code postgres}, {@code redis}. */
    public String word() {
        return word;
    }

    /** As the product calls itself: PostgreSQL, Redis. */
    public String product() {
        return product;
    }

    BackingService.Type type() {
        return type;
    }

    int port() {
        return port;
    }

    String defaultAlias() {
        return defaultAlias;
    }

    /**
     * A Redis snapshot is loaded only when the server starts, so its restore stops the service; PostgreSQL
     * restores into the running server in one transaction.
     */
    boolean restoresOffline() {
        return restoresOffline;
    }

    String defaultVersion() {
        return versions.get(0);
    }

    /** The version asked for (the default when none), or a refusal naming the ones Debian packages. */
    String version(String asked) {
        if (asked == null) {
            return defaultVersion();
        }
        if (!versions.contains(asked)) {
            throw new InvalidInputException(product + " " + asked + " is not packaged for this Gantry's Debian"
                    + " release: use --version " + String.join(" or ", versions) + " (or leave --version out)");
        }
        return asked;
    }

    public static ServiceKind of(BackingService.Type type) {
        return Arrays.stream(values()).filter(kind -> kind.type == type).findFirst().orElseThrow();
    }

    public static ServiceKind parse(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + word + "' is not a kind of service: use "
                        + String.join(" or ", Arrays.stream(values()).map(ServiceKind::word).toList())
                        + " (e.g. services:create postgres shopdb)"));
    }

    /** The kind a Heroku add-on name ({@code heroku-postgresql}, with or without a plan) stands for. */
    static ServiceKind ofAddon(String addon) {
        String name = addon.contains(":") ? addon.substring(0, addon.indexOf(':')) : addon;
        return Arrays.stream(values()).filter(kind -> kind.addons.contains(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("app.json: addon '" + addon + "' is not one Gantry"
                        + " provides: use heroku-postgresql or heroku-redis, or remove it"));
    }
}
