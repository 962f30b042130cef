package dev.gantry.control.tls;

import dev.gantry.common.SecretFile;
import dev.gantry.router.api.SelfSignedCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A certificate authority of Gantry's own in a directory of {@code GANTRY_HOME}: its key stays there
 * ({@code ca.p12}, a PKCS#12 store locked with the secret in {@code ca.pass}), its certificate
 * ({@code ca.crt}) goes to whoever must trust the servers it signs: the cluster's CA to every host's
 * engine (the registry), the API's CA to people's browsers and tools (port 8000). Made with keytool (as
 * the router's default certificate is) rather than openssl: the JDK is always there, keys are EC P-256.
 */
public final class CertificateAuthority {

    static final int CA_DAYS = 20 * 365;
    /** A server certificate is issued again before it runs out (the registry's at cluster:init, the API's at start). */
    public static final int SERVER_DAYS = 5 * 365;

    private static final String ALIAS = "gantry-ca";
    /** IPv4 dotted quads and IPv6 literals (which alone contain colons); everything else is a DNS name. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private final Path dir;
    private final String name;

    /** {@code name} is the CA's common name, which browsers show when they ask whether to trust it. */
    public CertificateAuthority(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** The cluster's CA, which issues the registry's certificate and those of routers on other hosts. */
    public static CertificateAuthority ofCluster(Path gantryHome) {
        return new CertificateAuthority(gantryHome.resolve("cluster"), "Gantry cluster CA");
    }

    /** The CA's certificate (PEM), made with its key first if there is none. */
    public synchronized String certificate() {
        Path certificate = dir.resolve("ca.crt");
        try {
            if (!Files.exists(certificate)) {
                Path store = dir.resolve("ca.p12");
                Files.deleteIfExists(store); // a store without its exported certificate is a half-made CA
                Keytool.run("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=" + name, "-ext", "bc:c", "-validity", Integer.toString(CA_DAYS),
                        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:file", password().toString());
                Path exported = dir.resolve("ca.crt.new");
                Keytool.run("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", store.toString(),
                        "-storepass:file", password().toString(), "-file", exported.toString());
                Files.move(exported, certificate, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(certificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + name + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Issues a certificate for a server reached by {@code names} (IP addresses or DNS names; the first is
     * its common name), signed by the CA, and writes it ({@code certificateFile}, PEM) with its private
     * key ({@code keyFile}, PKCS#8 PEM, owner-only).
     */
    public synchronized void issue(List<String> names, Path certificateFile, Path keyFile) {
        certificate();
        Path work = null;
        try {
            work = Files.createTempDirectory(dir, "issue");
            Path store = work.resolve("server.p12");
            String pass = password().toString();
            Keytool.run("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + names.get(0), "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:file", pass);
            Keytool.run("-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass:file", pass,
                    "-file", work.resolve("server.csr").toString());
            Keytool.run("-gencert", "-rfc", "-alias", ALIAS, "-keystore", dir.resolve("ca.p12").toString(),
                    "-storepass:file", pass, "-infile", work.resolve("server.csr").toString(),
                    "-outfile", work.resolve("server.crt").toString(), "-ext", "san=" + subjectAltNames(names),
                    "-ext", "eku=serverAuth", "-ext", "ku=digitalSignature", "-validity", Integer.toString(SERVER_DAYS));
            SecretFile.write(keyFile, SelfSignedCertificates.pem("PRIVATE KEY", privateKey(store, pass).getEncoded()));
            Files.move(work.resolve("server.crt"), certificateFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not issue a certificate for " + names + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** keytool's form of the names: {@code ip:10.0.0.11,dns:gantry.example.com}. */
    static String subjectAltNames(List<String> names) {
        return names.stream().map(n -> (IP_LITERAL.matcher(n).matches() ? "ip:" : "dns:") + n)
                .collect(Collectors.joining(","));
    }

    /** The secret the CA's store (and each server's store while it is made) is locked with. */
    private Path password() {
        Path file = dir.resolve("ca.pass");
        SecretFile.readOrCreate(file, name + "'s store password");
        return file;
    }

    private static PrivateKey privateKey(Path store, String passwordFile) throws IOException, GeneralSecurityException {
        char[] password = SecretFile.read(Path.of(passwordFile), "the CA's store password", "delete the CA's directory to make a new CA")
                .toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        return (PrivateKey) keys.getKey("server", password);
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
            // a leftover in the CA's directory (owner-only) holds a key nothing uses any more
        }
    }
}
