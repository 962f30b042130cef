package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The token that lets {@code ./gantry COMMAND} on the host act as the administrator. It lives in
 * {@code GANTRY_HOME/cli-token}, readable by Gantry's user (and root) only.
 */
@Singleton
public class CliToken {

    private final byte[] token;

    CliToken(GantryConfig config) {
        this.token = loadOrCreate(config.home().resolve("cli-token")).getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String value = HexFormat.of().formatHex(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, value + "\n");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the CLI token " + file, e);
        }
    }
}
