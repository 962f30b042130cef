package dev.gantry.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Iterator;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.jboss.logging.Logger;

/**
 * The server's host key: an EC P-256 key in the PEM-armoured OpenSSH format that ssh-keygen writes.
 * Generated once and read back on every start. MINA's SimpleGeneratorHostKeyProvider is avoided
 * on purpose: it still sniffs for Java-serialized keys (CVE-2022-45047 territory).
 */
final class HostKeyFile {
    private static final Logger LOG = Logger.getLogger(HostKeyFile.class);

    private HostKeyFile() {
    }

    static KeyPairProvider loadOrCreate(Path file) throws IOException {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Iterator<KeyPair> keys = new FileKeyPairProvider(file).loadKeys(null).iterator();
            if (!keys.hasNext()) {
                throw new IOException("host key file " + file + " holds no key. Delete it to generate a new one"
                        + " (clients will then see a changed host key)");
            }
            return KeyPairProvider.wrap(keys.next());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read host key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();

        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".hostkey", ".tmp");
        try {
            restrictToOwner(temp);
            try (OutputStream out = Files.newOutputStream(temp)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                        pair, "gantry-host-key", (OpenSSHKeyEncryptionContext) null, out);
            }
            // A half-written key must never be picked up by the next start: write aside, then move.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Generated SSH host key %s", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems keep their default ACLs.
        }
    }
}
