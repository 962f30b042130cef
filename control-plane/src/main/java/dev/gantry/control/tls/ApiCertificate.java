package dev.gantry.control.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate port 8000 (console and REST API) serves: the operator's own when they name one, else
 * one signed by Gantry's API CA in {@code GANTRY_HOME/tls}, as Cockpit and Proxmox do for their
 * consoles. The CA is made once and kept, so a client that trusts {@code tls/ca.crt} keeps trusting
 * Gantry when the server certificate is issued again: at a start where it is missing, does not name
 * every name the host is reached by, or runs out within 30 days.
 */
public final class ApiCertificate {

    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /** A certificate and its private key, both PEM files. */
    public record PemFiles(Path certificate, Path key) {
    }

    private final Path dir;
    private final Optional<Path> ownCertificate;
    private final Optional<Path> ownKey;

    /**
     * {@code ownCertificate} and {@code ownKey} are the operator's (GANTRY_API_TLS_CERT, GANTRY_API_TLS_KEY):
     * both or neither.
     */
    public ApiCertificate(Path home, Optional<Path> ownCertificate, Optional<Path> ownKey) {
        this.dir = home.resolve("tls");
        this.ownCertificate = ownCertificate;
        this.ownKey = ownKey;
    }

    /** The files to serve for a host reached by {@code names}, issuing Gantry's own when needed. */
    public PemFiles serve(List<String> names) {
        if (ownCertificate.isPresent() != ownKey.isPresent()) {
            throw new IllegalStateException("GANTRY_API_TLS_CERT and GANTRY_API_TLS_KEY go together: set both "
                    + "(your certificate and its key, PEM) or neither (Gantry then serves one of its own CA)");
        }
        if (ownCertificate.isPresent()) {
            PemFiles own = new PemFiles(ownCertificate.get(), ownKey.get());
            readable(own.certificate(), "GANTRY_API_TLS_CERT");
            readable(own.key(), "GANTRY_API_TLS_KEY");
            return own;
        }
        PemFiles made = new PemFiles(dir.resolve("api.crt"), dir.resolve("api.key"));
        if (!covers(made.certificate(), names, Instant.now().plus(RENEW_BEFORE))) {
            authority().issue(names, made.certificate(), made.key());
        }
        return made;
    }

    private CertificateAuthority authority() {
        return new CertificateAuthority(dir, "Gantry API CA");
    }

    /** Whether the certificate in {@code file} is there, names every one of {@code names} and still holds at {@code until}. */
    static boolean covers(Path file, List<String> names, Instant until) {
        if (!Files.exists(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return certificate.getNotAfter().toInstant().isAfter(until) && subjectAltNames(certificate).containsAll(
                    names.stream().map(ApiCertificate::canonical).toList());
        } catch (IOException | GeneralSecurityException e) {
            return false; // unreadable or damaged: issue a new one
        }
    }

    private static Set<String> subjectAltNames(X509Certificate certificate) throws GeneralSecurityException {
        Set<String> names = new HashSet<>();
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        if (entries != null) {
            entries.forEach(entry -> names.add(canonical(String.valueOf(entry.get(1)))));
        }
        return names;
    }

    /** IPv6 literals as the certificate spells them (::1 is 0:0:0:0:0:0:0:1); names compare case-blind. */
    private static String canonical(String name) {
        if (name.contains(":")) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (UnknownHostException e) {
                return name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static void readable(Path file, String setting) {
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException(new IOException(setting + " names " + file
                    + ", which Gantry's user cannot read: give the gantry user read access to it (chmod/chown)"));
        }
    }
}
