package dev.gantry.control.cluster;

import dev.gantry.common.SecretFile;
import dev.gantry.router.api.SelfSignedCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;

/**
 * The cluster's own certificate authority, in {@code GANTRY_HOME/cluster}: its key stays on the manager
 * ({@code ca.p12}, a PKCS#12 store locked with the secret in {@code ca.pass}), its certificate
 * ({@code ca.crt}) goes to every host, whose engine then trusts the registry. Made with keytool (as the
 * router's default certificate is) rather than openssl: the JDK is always there, keys are EC P-256.
 */
final class CertificateAuthority {

    static final int CA_DAYS = 20 * 365;
    /** Re-running cluster:init issues a new one, so a registry certificate is renewed with the cluster's set-up. */
    static final int SERVER_DAYS = 5 * 365;
    private static final String ALIAS = "gantry-cluster-ca";

    private final Path dir;

    CertificateAuthority(Path dir) {
        this.dir = dir;
    }

    /** The CA's certificate (PEM), made with its key first if there is none. */
    synchronized String certificate() {
        Path certificate = dir.resolve("ca.crt");
        try {
            if (!Files.exists(certificate)) {
                Path store = dir.resolve("ca.p12");
                Files.deleteIfExists(store); // a store without its exported certificate is a half-made CA
                Keytool.run("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=Gantry cluster CA", "-ext", "bc:c", "-validity", Integer.toString(CA_DAYS),
                        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:file", password().toString());
                Path exported = dir.resolve("ca.crt.new");
                Keytool.run("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", store.toString(),
                        "-storepass:file", password().toString(), "-file", exported.toString());
                Files.move(exported, certificate, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(certificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the cluster's CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Issues a certificate for a server at {@code ipAddress}, signed by the CA, and writes it
     * ({@code certificateFile}, PEM) with its private key ({@code keyFile}, PKCS#8 PEM, owner-only).
     */
    synchronized void issue(String ipAddress, Path certificateFile, Path keyFile) {
        certificate();
        Path work = null;
        try {
            work = Files.createTempDirectory(dir, "issue");
            Path store = work.resolve("server.p12");
            String pass = password().toString();
            Keytool.run("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + ipAddress, "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:file", pass);
            Keytool.run("-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass:file", pass,
                    "-file", work.resolve("server.csr").toString());
            Keytool.run("-gencert", "-rfc", "-alias", ALIAS, "-keystore", dir.resolve("ca.p12").toString(),
                    "-storepass:file", pass, "-infile", work.resolve("server.csr").toString(),
                    "-outfile", work.resolve("server.crt").toString(), "-ext", "san=ip:" + ipAddress,
                    "-ext", "eku=serverAuth", "-ext", "ku=digitalSignature", "-validity", Integer.toString(SERVER_DAYS));
            writeOwnerOnly(keyFile, SelfSignedCertificates.pem("PRIVATE KEY", privateKey(store, pass).getEncoded()));
            Files.move(work.resolve("server.crt"), certificateFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not issue a certificate for " + ipAddress + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** The secret the CA's store (and each server's store while it is made) is locked with. */
    private Path password() {
        Path file = dir.resolve("ca.pass");
        SecretFile.readOrCreate(file, "the cluster CA's store password");
        return file;
    }

    private static PrivateKey privateKey(Path store, String passwordFile) throws IOException, GeneralSecurityException {
        char[] password = SecretFile.read(Path.of(passwordFile), "the cluster CA's store password", "run cluster:init again")
                .toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        return (PrivateKey) keys.getKey("server", password);
    }

    static void writeOwnerOnly(Path file, String text) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(fresh, text, StandardCharsets.UTF_8);
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path work) {
        if (work == null) {
            return;
        }
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            // a leftover under GANTRY_HOME/cluster (owner-only) holds a key nothing uses any more
        }
    }
}
