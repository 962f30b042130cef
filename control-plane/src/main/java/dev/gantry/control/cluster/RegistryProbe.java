package dev.gantry.control.cluster;

import dev.gantry.node.RegistryLogin;
import dev.gantry.service.ServiceTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the registry whether it answers, as a host of the cluster reaches it: over TLS trusting the
 * cluster's CA alone, and without credentials, which it must refuse (401).
 */
final class RegistryProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http;
    private final URI base;

    RegistryProbe(RegistryLogin registry, String caCertificate) {
        this.http = HttpClient.newBuilder().sslContext(ServiceTls.trusting(caCertificate)).connectTimeout(TIMEOUT).build();
        this.base = URI.create("https://" + registry.address() + "/v2/");
    }

    /** The status an anonymous request gets; fails when nothing answers over TLS. */
    int anonymousStatus() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
