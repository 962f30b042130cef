package dev.gantry.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A secret shared by Gantry's processes through a file only its owner may read: 32 random bytes in
 * hex, mode 0600, in a directory of mode 0700 when this makes it. Tokens of the local admin interfaces
 * (router, node runner, CLI) and the config key are such files; whichever process starts first makes
 * one, the others, running as the same user, read it.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private SecretFile() {
    }

    /** The secret in {@code file}, made first if there is none. {@code what} names it in errors. */
    public static String readOrCreate(Path file, String what) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            // Created with its final mode, exclusively: the secret is never readable by others, and two
            // starts racing keep one secret.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException exists) {
            // Made by an earlier start: use it.
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": cannot create " + file + ": " + e.getMessage(), e);
        }
        return read(file, what, "delete it and restart Gantry to make a new one");
    }

    /**
     * Writes {@code text} to {@code file} so that no one but its owner can ever read it: a fresh file made
     * owner-only, then moved over the old one (a private key, a password hash).
     */
    public static void write(Path file, String text) throws IOException {
        Path fresh = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(fresh, text, StandardCharsets.UTF_8);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    /**
     * The secret in {@code file}; fails naming {@code what} when it is missing or empty, with
     * {@code fix} saying how to get one.
     */
    public static String read(Path file, String what, String fix) {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": cannot read " + file + " (" + e.getMessage() + "); " + fix, e);
        }
        if (secret.isEmpty()) {
            throw new IllegalStateException(what + ": " + file + " is empty; " + fix);
        }
        return secret;
    }
}
