package dev.gantry.control.routing;

import dev.gantry.common.SecretFile;
import dev.gantry.control.GantryConfig;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The certificate the router serves to HTTPS clients whose server name no app's certificate covers:
 * self-signed for {@code *.<base domain>} (and the base domain), made once and kept in
 * {@code GANTRY_HOME/router/default-certificate.pem} (chain and private key, mode 0600). Made again
 * when the base domain changes. An operator may put a real wildcard certificate there instead.
 */
@ApplicationScoped
public class DefaultCertificate {

    private static final Logger LOG = Logger.getLogger(DefaultCertificate.class);
    private static final int VALID_DAYS = 3650;

    private final GantryConfig config;

    DefaultCertificate(GantryConfig config) {
        this.config = config;
    }

    public TlsCertificate loadOrCreate() {
        Path file = file();
        String wildcard = "*." + config.baseDomain();
        if (Files.exists(file)) {
            TlsCertificate saved = read(file);
            if (saved.dnsNames().contains(wildcard)) {
                return saved;
            }
            LOG.infof("%s is not for %s (it names %s): making a new self-signed one", file, wildcard, saved.dnsNames());
        }
        TlsCertificate made = SelfSignedCertificates.generate(List.of(wildcard, config.baseDomain()), VALID_DAYS);
        write(file, made.certificatePem() + made.keyPem());
        LOG.infof("Made a self-signed default certificate for %s in %s (sha256 %s)", wildcard, file, made.fingerprint());
        return made;
    }

    private Path file() {
        return config.home().resolve("router").resolve("default-certificate.pem");
    }

    private static TlsCertificate read(Path file) {
        try {
            String bundle = Files.readString(file, StandardCharsets.UTF_8);
            return TlsCertificate.fromPem(bundle, bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default certificate " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the default certificate " + file + " is not a PEM bundle of a chain and"
                    + " its PKCS#8 key (" + e.getMessage() + "). Fix it, or delete it to have a self-signed one made", e);
        }
    }

    private static void write(Path file, String bundle) {
        try {
            Files.createDirectories(file.getParent());
            SecretFile.write(file, bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the default certificate " + file + ": " + e.getMessage(), e);
        }
    }
}
