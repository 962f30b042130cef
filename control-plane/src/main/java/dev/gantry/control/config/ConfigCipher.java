package dev.gantry.control.config;

import dev.gantry.router.AdminToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Encrypts config values at rest (AES-256-GCM) with a key kept outside the database: the
 * {@code GANTRY_CONFIG_KEY} environment variable (64 hex digits) or else the file
 * {@code GANTRY_HOME/config-key} (mode 0600, made on first use). A stolen database dump alone
 * reveals no secret. Stored form: {@code v1:} + base64(nonce, ciphertext and tag).
 */
public final class ConfigCipher {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile ConfigCipher current;

    private final SecretKeySpec key;

    ConfigCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the config key must be 32 bytes (64 hex digits), found " + key.length
                    + " bytes. Fix GANTRY_CONFIG_KEY or GANTRY_HOME/config-key");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The cipher for this installation; JPA converters cannot be injected, so it is looked up once. */
    static ConfigCipher current() {
        if (current == null) {
            synchronized (ConfigCipher.class) {
                if (current == null) {
                    current = new ConfigCipher(HexFormat.of().parseHex(keyHex()));
                }
            }
        }
        return current;
    }

    private static String keyHex() {
        String fromEnvironment = System.getenv("GANTRY_CONFIG_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        Path home = ConfigProvider.getConfig().getValue("gantry.home", Path.class);
        // Made the same way as the other local secrets: 32 random bytes in hex, owner-only.
        return AdminToken.readOrCreate(home.resolve("config-key"));
    }

    /** Rows written before encryption hold plain JSON; see {@link ConfigAtRest}. */
    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt config: " + e.getMessage(), e);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("could not decrypt stored config: the config key does not match the one it"
                    + " was written with. Restore GANTRY_HOME/config-key (or GANTRY_CONFIG_KEY) from your backup", e);
        }
    }
}
