package dev.gantry.control.secrets;


import dev.gantry.common.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Encrypts config values at rest (AES-256-GCM) with a key kept outside the database: the
 * {@code GANTRY_CONFIG_KEY} environment variable (64 hex digits) or else the file
 * {@code GANTRY_HOME/config-key} (mode 0600, made on first use). A stolen database dump alone
 * reveals no secret. Stored form: {@code v1:} + base64(nonce, ciphertext and tag).
 *
 * <p>Older keys (during and after a rotation: {@code GANTRY_HOME/config-key.next} and
 * {@code config-key.previous}, or {@code GANTRY_CONFIG_KEY_PREVIOUS}) still decrypt; GCM's tag
 * tells which key a value was sealed with, so the stored form carries no key id.
 */
public final class ConfigCipher {

    /** Files in {@code GANTRY_HOME}: the key in use, and what a rotation leaves beside it. */
    public static final String KEY_FILE = "config-key";
    public static final String NEXT_KEY_FILE = "config-key.next";
    public static final String PREVIOUS_KEY_FILE = "config-key.previous";
    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile ConfigCipher current;

    private final SecretKeySpec key;
    private final List<SecretKeySpec> olderKeys;

    ConfigCipher(byte[] key) {
        this(key, List.of());
    }

    ConfigCipher(byte[] key, List<byte[]> olderKeys) {
        this.key = spec(key);
        this.olderKeys = olderKeys.stream().map(ConfigCipher::spec).toList();
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the config key must be 32 bytes (64 hex digits), found " + key.length
                    + " bytes. Fix GANTRY_CONFIG_KEY or GANTRY_HOME/config-key");
        }
        return new SecretKeySpec(key, "AES");
    }

    /** A cipher that seals with {@code newKey} and still opens whatever this one opens. */
    public ConfigCipher rotatedTo(byte[] newKey) {
        List<byte[]> older = new ArrayList<>();
        older.add(key.getEncoded());
        olderKeys.forEach(spec -> older.add(spec.getEncoded()));
        return new ConfigCipher(newKey, older);
    }

    /** From now on every value is sealed with this cipher's key (after a rotation). */
    public static void use(ConfigCipher cipher) {
        synchronized (ConfigCipher.class) {
            current = cipher;
        }
    }

    /** A short fingerprint of the sealing key, to tell keys apart in messages and backups. */
    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cipher for this installation; JPA converters cannot be injected, so it is looked up once. */
    public static ConfigCipher current() {
        if (current == null) {
            synchronized (ConfigCipher.class) {
                if (current == null) {
                    current = new ConfigCipher(HexFormat.of().parseHex(keyHex()), olderKeys());
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
        return SecretFile.readOrCreate(home.resolve(KEY_FILE), "config key");
    }

    /** Keys a rotation may have left values sealed with; see {@code ConfigKeyRotation}. */
    private static List<byte[]> olderKeys() {
        List<byte[]> older = new ArrayList<>();
        String fromEnvironment = System.getenv("GANTRY_CONFIG_KEY_PREVIOUS");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            for (String hex : fromEnvironment.split(",")) {
                older.add(HexFormat.of().parseHex(hex.trim()));
            }
        }
        Path home = ConfigProvider.getConfig().getValue("gantry.home", Path.class);
        for (String name : List.of(NEXT_KEY_FILE, PREVIOUS_KEY_FILE)) {
            Path file = home.resolve(name);
            try {
                if (Files.exists(file)) {
                    older.add(HexFormat.of().parseHex(Files.readString(file).trim()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return older;
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
        GeneralSecurityException last = null;
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            for (SecretKeySpec candidate : keys()) {
                try {
                    return open(bytes, candidate);
                } catch (GeneralSecurityException e) {
                    last = e;
                }
            }
        } catch (IllegalArgumentException e) {
            throw undecryptable(e);
        }
        throw undecryptable(last);
    }

    private List<SecretKeySpec> keys() {
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(key);
        keys.addAll(olderKeys);
        return keys;
    }

    private static String open(byte[] bytes, SecretKeySpec candidate) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, candidate, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
        return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private static IllegalStateException undecryptable(Exception cause) {
        return new IllegalStateException("could not decrypt stored config: the config key does not match the one it"
                + " was written with. Restore GANTRY_HOME/config-key (or GANTRY_CONFIG_KEY) from your backup", cause);
    }
}
