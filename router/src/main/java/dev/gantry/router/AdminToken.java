package dev.gantry.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The shared secret of the router's admin interface: 32 random bytes in hex, in a file only its owner
 * may read ({@code GANTRY_HOME/router/admin-token}, mode 0600). The router creates it on first start;
 * the control plane, running as the same user, reads it.
 */
public final class AdminToken {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private AdminToken() {
    }

    /** {@code gantryHome/router/admin-token}. */
    public static Path fileIn(Path gantryHome) {
        return gantryHome.resolve("router").resolve("admin-token");
    }

    /** The token in {@code file}, made first (mode 0600) if there is none. */
    public static String readOrCreate(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            // Created with its final mode, exclusively: the secret is never readable by others, and two
            // starts racing keep one token.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException exists) {
            // Made by an earlier start: use it.
        } catch (IOException e) {
            throw new UncheckedIOException("router admin token: cannot create " + file + ": " + e.getMessage(), e);
        }
        return read(file);
    }

    /** The token in {@code file}; fails with the fix when it is missing or empty. */
    public static String read(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("router admin token: cannot read " + file + " (" + e.getMessage()
                    + "); the router creates it on its first start: start the router (./gantry up) and retry", e);
        }
        if (token.isEmpty()) {
            throw new IllegalStateException("router admin token: " + file
                    + " is empty; delete it and restart the router to make a new one");
        }
        return token;
    }
}
