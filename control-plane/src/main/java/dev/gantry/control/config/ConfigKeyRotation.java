package dev.gantry.control.config;

import static dev.gantry.control.secrets.ConfigCipher.KEY_FILE;
import static dev.gantry.control.secrets.ConfigCipher.NEXT_KEY_FILE;
import static dev.gantry.control.secrets.ConfigCipher.PREVIOUS_KEY_FILE;

import dev.gantry.common.SecretFile;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.secrets.ConfigAtRest;
import dev.gantry.control.secrets.ConfigCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * {@code config:rotate-key}: seals every config snapshot with a new key. Each step leaves a state
 * a restart can read: the new key is written to {@code config-key.next} first (the keyring opens
 * values sealed with it), then every snapshot is re-encrypted in one transaction, then the files
 * move: {@code config-key} to {@code config-key.previous}, {@code config-key.next} to
 * {@code config-key}. With {@code GANTRY_CONFIG_KEY}, the operator sets the new key there (the old
 * one in {@code GANTRY_CONFIG_KEY_PREVIOUS}) and this only re-encrypts.
 */
@ApplicationScoped
public class ConfigKeyRotation {


    private final ConfigAtRest atRest;
    private final GantryConfig config;

    ConfigKeyRotation(ConfigAtRest atRest, GantryConfig config) {
        this.atRest = atRest;
        this.config = config;
    }

    /** What happened, for the operator: how many snapshots, which key, what to back up. */
    public synchronized String rotate() {
        String fromEnvironment = System.getenv("GANTRY_CONFIG_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            int count = atRest.reencryptAll(ConfigCipher.current());
            return "Re-encrypted " + count + " config snapshot(s) with the key in GANTRY_CONFIG_KEY (id "
                    + ConfigCipher.current().keyId() + "). Once this is done, GANTRY_CONFIG_KEY_PREVIOUS can go";
        }
        Path home = config.home();
        ConfigCipher rotated = ConfigCipher.current()
                .rotatedTo(HexFormat.of().parseHex(SecretFile.readOrCreate(home.resolve(NEXT_KEY_FILE), "next config key")));
        ConfigCipher.use(rotated);
        int count = atRest.reencryptAll(rotated);
        try {
            Files.move(home.resolve(KEY_FILE), home.resolve(PREVIOUS_KEY_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(home.resolve(NEXT_KEY_FILE), home.resolve(KEY_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the snapshots are sealed with the new key in " + NEXT_KEY_FILE
                    + ", but it could not be moved to " + KEY_FILE + ": " + e.getMessage()
                    + ". Move it by hand (keep the old one as " + PREVIOUS_KEY_FILE + ")", e);
        }
        return "Re-encrypted " + count + " config snapshot(s) with a new key (id " + rotated.keyId() + ") in "
                + home.resolve(KEY_FILE) + ". Back it up now; the old key stays in " + PREVIOUS_KEY_FILE
                + " until the next rotation";
    }
}
