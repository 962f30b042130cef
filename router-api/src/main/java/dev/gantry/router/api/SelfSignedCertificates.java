package dev.gantry.router.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes self-signed certificates, for the router's default certificate (clients that ask for a name
 * no certificate covers) and for tests. The JDK has no public API to build an X.509 certificate, so
 * this runs the JDK's own {@code keytool}, which every JDK that runs Gantry has: no crypto library
 * (BouncyCastle) to ship and keep in step with Quarkus' pinned version.
 */
public final class SelfSignedCertificates {

    private static final String PASSWORD = "changeit";
    private static final long TIMEOUT_SECONDS = 60;

    private SelfSignedCertificates() {
    }

    /**
     * An RSA 2048 certificate for {@code dnsNames} (the first is also its common name), valid from now
     * for {@code days}.
     */
    public static TlsCertificate generate(List<String> dnsNames, int days) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gantry-cert");
            Path store = dir.resolve("cert.p12");
            String names = dnsNames.stream().map(name -> "dns:" + name).collect(Collectors.joining(","));
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize", "2048",
                    "-alias", "gantry", "-dname", "CN=" + dnsNames.get(0), "-ext", "SAN=" + names,
                    "-validity", Integer.toString(days), "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not make a certificate for " + dnsNames + ": " + output.strip());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            PrivateKey key = (PrivateKey) keys.getKey("gantry", PASSWORD.toCharArray());
            List<String> chain = new ArrayList<>();
            for (Certificate certificate : keys.getCertificateChain("gantry")) {
                chain.add(pem("CERTIFICATE", certificate.getEncoded()));
            }
            return TlsCertificate.fromPem(String.join("", chain), pem("PRIVATE KEY", key.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not make a certificate for " + dnsNames + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate for " + dnsNames, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** PEM text of one DER block, 64 characters a line (RFC 7468). */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover in the temp dir is harmless; the key in it is a throwaway's or also in the table
        }
    }
}
