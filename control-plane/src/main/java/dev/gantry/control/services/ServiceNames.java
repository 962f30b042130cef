package dev.gantry.control.services;

import dev.gantry.common.AppName;
import dev.gantry.control.InvalidInputException;
import java.util.regex.Pattern;

/**
 * How a service's name and a link's alias are checked, and the engine's names derived from a service's
 * name. The derived names hold a dot, which no app name can, so they never meet an app's
 * ({@code gantry-APP-NAME} volumes, {@code gantry-app-APP} networks).
 */
public final class ServiceNames {

    private static final Pattern ALIAS = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    private ServiceNames() {
    }

    public static String checkName(String name) {
        if (!AppName.isValid(name) || name.equals("localhost")) {
            throw new InvalidInputException("'" + name + "' is not a service name: use 1-30 lowercase letters, digits"
                    + " and inner hyphens (e.g. shopdb); linked apps reach the service by it");
        }
        return name;
    }

    /** {@code DATABASE} makes {@code DATABASE_URL}. */
    static String checkAlias(String alias) {
        if (!ALIAS.matcher(alias).matches() || alias.startsWith("GANTRY_")) {
            throw new InvalidInputException("'" + alias + "' is not an alias: use up to 30 capital letters, digits"
                    + " and '_', starting with a letter and not with GANTRY_ (e.g. --as ANALYTICS sets ANALYTICS_URL)");
        }
        return alias;
    }

    /** The node runner's key for the service's instances, in place of an app's name. */
    static String owner(String service) {
        return "service." + service;
    }

    static String volume(String service) {
        return "gantry.service." + service;
    }

    /** The service's own network: its one-off runs (backups, consoles) reach it there. */
    static String network(String service) {
        return "gantry.service." + service;
    }

    static String containerPrefix(String service) {
        return "gantry.service." + service + ".";
    }
}
