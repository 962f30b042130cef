package dev.gantry.router.api;

import dev.gantry.common.SecretFile;
import java.nio.file.Path;

/**
 * The shared secret of the router's admin interface, a {@link SecretFile} at
 * {@code GANTRY_HOME/router/admin-token}. The router creates it on first start; the control plane,
 * running as the same user, reads it.
 */
public final class AdminToken {

    private static final String WHAT = "router admin token";

    private AdminToken() {
    }

    /** {@code gantryHome/router/admin-token}. */
    public static Path fileIn(Path gantryHome) {
        return gantryHome.resolve("router").resolve("admin-token");
    }

    /** The token in {@code file}, made first (mode 0600) if there is none. */
    public static String readOrCreate(Path file) {
        return SecretFile.readOrCreate(file, WHAT);
    }

    /** The token in {@code file}; fails with the fix when it is missing or empty. */
    public static String read(Path file) {
        return SecretFile.read(file, WHAT, "the router creates it on its first start: start the router (./gantry up)"
                + " and retry");
    }
}
