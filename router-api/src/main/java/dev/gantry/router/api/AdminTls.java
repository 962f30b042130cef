package dev.gantry.router.api;

import dev.gantry.service.ServiceTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * TLS of a router's admin interface on a host of its own: the router serves a certificate of the
 * cluster's CA, issued on the control host for the router's address and copied next to its token
 * ({@code GANTRY_HOME/router/admin-tls.crt} and {@code admin-tls.key}); the control plane trusts that
 * CA alone.
 */
public final class AdminTls {

    public static final String CERTIFICATE = "admin-tls.crt";
    public static final String KEY = "admin-tls.key";

    private AdminTls() {
    }

    /** What the router serves its admin interface with, when both files are in {@code dir} ({@code GANTRY_HOME/router}). */
    public static Optional<SSLContext> serving(Path dir) {
        Path certificate = dir.resolve(CERTIFICATE);
        Path key = dir.resolve(KEY);
        if (!Files.exists(certificate) && !Files.exists(key)) {
            return Optional.empty();
        }
        try {
            TlsCertificate read = TlsCertificate.fromPem(Files.readString(certificate, StandardCharsets.US_ASCII),
                    Files.readString(key, StandardCharsets.US_ASCII));
            return Optional.of(ServiceTls.serving(read.privateKey(), read.chain()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin interface's certificate and key in " + dir + " ("
                    + e.getMessage() + "): copy both from the control host again (ansible/README.md, Routers)", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(certificate + " and " + key + " are not a certificate and its key ("
                    + e.getMessage() + "): copy both from the control host again (ansible/README.md, Routers)", e);
        }
    }

    /** What the control plane reaches remote routers with: it trusts {@code authorityPem} (the cluster's CA) alone. */
    public static SSLContext trusting(String authorityPem) {
        return ServiceTls.trusting(authorityPem);
    }
}
