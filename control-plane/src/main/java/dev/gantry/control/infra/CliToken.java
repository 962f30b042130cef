package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.common.SecretFile;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The token that lets {@code ./gantry COMMAND} on the host act as the administrator. It lives in
 * {@code GANTRY_HOME/cli-token}, readable by Gantry's user (and root) only, and is made the same
 * way as the router's admin secret.
 */
@Singleton
public class CliToken {

    private final byte[] token;

    CliToken(GantryConfig config) {
        this.token = SecretFile.readOrCreate(config.home().resolve("cli-token"), "CLI token").getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
