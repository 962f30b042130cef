package dev.gantry.control.cluster;

import dev.gantry.common.SecretFile;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.tls.CertificateAuthority;
import dev.gantry.node.RegistryLogin;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's image registry: Debian's {@code docker-registry} (the CNCF Distribution registry) on the
 * manager, serving TLS with a certificate of the cluster's CA and requiring Gantry's credentials (bcrypt,
 * in htpasswd form: {@code htpasswd} of apache2-utils makes the hash). Its files live in
 * {@code GANTRY_HOME/registry}: {@code config.yml}, {@code registry.crt} and {@code registry.key},
 * {@code htpasswd}, {@code password} (owner-only), {@code address} ({@code HOST:PORT}, written last: a
 * registry is set up once it is there), the images under {@code data}, and the process's
 * {@code registry.pid} and {@code registry.log}.
 */
@ApplicationScoped
public class ClusterRegistry {

    static final String USER = "gantry";

    private final Path dir;
    private final CertificateAuthority authority;

    ClusterRegistry(GantryConfig config) {
        this.dir = config.home().resolve("registry");
        this.authority = CertificateAuthority.ofCluster(config.home());
    }

    /**
     * Writes everything the registry needs to serve at {@code host:port}: a certificate for {@code host},
     * Gantry's credentials (kept when there are some) and the config. The registry reads them when it starts.
     */
    synchronized void prepare(String host, int port) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(dir.resolve("data"));
            authority.issue(List.of(host), dir.resolve("registry.crt"), dir.resolve("registry.key"));
            String password = SecretFile.readOrCreate(dir.resolve("password"), "the registry's password");
            SecretFile.write(dir.resolve("htpasswd"), bcrypt(password));
            Files.writeString(configFile(), RegistryConfig.yaml(port, dir), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("address"), host + ":" + port + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the registry's files in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Where the registry answers and Gantry's credentials for it, once cluster:init has set it up. */
    public Optional<RegistryLogin> login() {
        Path address = dir.resolve("address");
        if (!Files.exists(address)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RegistryLogin(Files.readString(address, StandardCharsets.US_ASCII).strip(), USER,
                    SecretFile.read(dir.resolve("password"), "the registry's password", "run ./gantry cluster:init again")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + address + ": " + e.getMessage(), e);
        }
    }

    /** The certificate every host trusts the registry by (PEM). */
    String caCertificate() {
        return authority.certificate();
    }

    Path configFile() {
        return dir.resolve("config.yml");
    }

    Path pidFile() {
        return dir.resolve("registry.pid");
    }

    Path logFile() {
        return dir.resolve("registry.log");
    }

    /** An htpasswd line with a bcrypt hash of {@code password}, which the command reads on stdin (never argv). */
    private static String bcrypt(String password) throws IOException {
        Process htpasswd;
        try {
            htpasswd = new ProcessBuilder("htpasswd", "-niB", USER).redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new IllegalStateException("htpasswd is not installed on this host. Run ./gantry cluster:init as root"
                    + " on the Gantry host (it installs apache2-utils), or apt-get install apache2-utils", missing);
        }
        try (var stdin = htpasswd.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(htpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!htpasswd.waitFor(30, TimeUnit.SECONDS) || htpasswd.exitValue() != 0 || !output.startsWith(USER + ":$2")) {
                htpasswd.destroyForcibly();
                throw new IllegalStateException("htpasswd could not hash the registry's password: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while htpasswd ran", e);
        }
        return output + "\n";
    }
}
