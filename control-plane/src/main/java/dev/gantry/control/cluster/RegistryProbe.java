package dev.gantry.control.cluster;

import dev.gantry.node.RegistryLogin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Asks the registry whether it answers, as a host of the cluster reaches it: over TLS trusting the
 * cluster's CA alone, and without credentials, which it must refuse (401).
 */
final class RegistryProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http;
    private final URI base;

    RegistryProbe(RegistryLogin registry, String caCertificate) {
        this.http = HttpClient.newBuilder().sslContext(trusting(caCertificate)).connectTimeout(TIMEOUT).build();
        this.base = URI.create("https://" + registry.address() + "/v2/");
    }

    /** The status an anonymous request gets; fails when nothing answers over TLS. */
    int anonymousStatus() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static SSLContext trusting(String caCertificate) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("gantry-cluster-ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caCertificate.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the cluster's CA certificate cannot be read: " + e.getMessage(), e);
        }
    }
}
