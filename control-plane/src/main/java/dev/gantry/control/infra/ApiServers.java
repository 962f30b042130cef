package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.tls.ApiCertificate;
import dev.gantry.control.tls.ApiNames;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Port 8000 speaks HTTPS, so console passwords and API tokens never cross a network in clear; the plain
 * HTTP port stays for tools on this host and is bound to loopback only. Quarkus binds both servers to
 * one host; this sets each its own.
 */
@Singleton
public class ApiServers implements HttpServerOptionsCustomizer {

    static final String LOOPBACK = "127.0.0.1";

    private final GantryConfig config;

    ApiServers(GantryConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHost(LOOPBACK);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        ApiCertificate certificate = new ApiCertificate(config.home(), config.api().tlsCertificate(), config.api().tlsKey());
        ApiCertificate.PemFiles served = certificate.serve(
                ApiNames.of(config.publicHost(), config.api().tlsNames().orElse(List.of())));
        options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(served.certificate().toString()).setKeyPath(served.key().toString()));
    }
}
