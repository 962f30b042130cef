package dev.gantry.control.tls;

import dev.gantry.router.api.AdminTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The certificates routers on other hosts serve their admin interface with: issued by the cluster's
 * CA (the one that issues the registry's, {@code GANTRY_HOME/cluster}) for the router's address, into
 * {@code GANTRY_HOME/router/remotes/HOST/}, whence the playbook copies them next to the router's token.
 * The control plane trusts that CA alone when it calls them.
 */
public final class RouterAdminCertificates {

    private final CertificateAuthority cluster;
    private final Path dir;

    public RouterAdminCertificates(Path gantryHome) {
        this.cluster = CertificateAuthority.ofCluster(gantryHome);
        this.dir = gantryHome.resolve("router").resolve("remotes");
    }

    /** The cluster CA's certificate (PEM), the one thing the control plane trusts routers by. */
    public String authority() {
        return cluster.certificate();
    }

    /** Issues the certificate for the router at {@code host} unless it has one. */
    public void ensure(String host) {
        Path certificate = directory(host).resolve(AdminTls.CERTIFICATE);
        if (Files.exists(certificate)) {
            return;
        }
        try {
            Files.createDirectories(certificate.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + certificate.getParent() + ": " + e.getMessage(), e);
        }
        cluster.issue(List.of(host), certificate, directory(host).resolve(AdminTls.KEY));
    }

    /** Where the router at {@code host}'s certificate and key are. */
    public Path directory(String host) {
        return dir.resolve(host.replace("[", "").replace("]", ""));
    }
}
