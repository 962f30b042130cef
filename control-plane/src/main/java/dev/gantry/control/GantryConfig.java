package dev.gantry.control;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Gantry's own settings (prefix {@code gantry.}); defaults live in application.properties. */
@ConfigMapping(prefix = "gantry")
public interface GantryConfig {

    /** Data directory: repositories, host key, CLI token, embedded database. */
    Path home();

    /** Apps answer at {@code APP.<base-domain>} through the router. */
    String baseDomain();

    /** The host name people reach this machine by, shown in git remotes. */
    String publicHost();

    Api api();

    Ssh ssh();

    RouterSettings router();

    Docker docker();

    Node node();

    Cluster cluster();

    Releases releases();

    Gc gc();

    Metrics metrics();

    /** Port 8000: HTTPS on every address; plain HTTP on a second port of loopback only, for tools on this host. */
    interface Api {
        /** More names and addresses for Gantry's own certificate (a DNS name, a floating IP). */
        Optional<List<String>> tlsNames();

        /** The operator's own certificate (PEM, with its chain) instead of one of Gantry's CA; with {@link #tlsKey}. */
        Optional<Path> tlsCertificate();

        Optional<Path> tlsKey();
    }

    interface Ssh {
        int port();

        String bindHost();

        /** Largest pack a push may send. */
        @WithDefault("1024")
        long maxPackMib();
    }

    enum RouterMode { PROCESS, EMBEDDED }

    interface RouterSettings {
        /** {@code process}: the router is its own process; {@code embedded}: inside the control plane. */
        RouterMode mode();

        int port();

        /** HTTPS, certificates chosen by SNI; 0 serves none. Read here by the embedded router only. */
        int httpsPort();

        String bindHost();

        /** The process router's admin interface, on 127.0.0.1. */
        int adminPort();

        /**
         * Routers on other hosts, steered besides this host's: their admin interfaces as
         * {@code https://HOST:PORT} (plain {@code http://} on loopback only), sharing this host's admin token.
         */
        Optional<List<String>> remotes();
    }

    interface Docker {
        String host();
    }

    enum NodeMode { PROCESS, EMBEDDED }

    interface Node {
        /** Address instances publish their ports on; the router's upstreams use it. */
        String advertiseAddress();

        /**
         * {@code embedded} (the default): the node runner runs inside the control plane, some 80 MiB less
         * than a JVM of its own; {@code process}: its own process, which keeps its reconcile loop going
         * while the control plane restarts.
         */
        NodeMode mode();

        /** The process node runner's HTTP interface, on 127.0.0.1. */
        int runnerPort();

        /**
         * How long a call waits for a node runner that does not answer (it is restarting) before it
         * fails, so a deploy in flight rides out a restart of the runner.
         */
        @WithDefault("15s")
        String runnerPatience();
    }

    interface Cluster {
        /** Where the cluster's registry listens (TLS), on the manager's advertised address. */
        @WithDefault("5000")
        int registryPort();

        /**
         * Where the engine of each of the cluster's other hosts listens, bound into the job that reads and frees
         * their disks; {@code {{.Node.Hostname}}} names the host (test hosts on one machine have a socket each).
         */
        @WithDefault("/var/run/docker.sock")
        String hostEngineSocket();
    }

    interface Gc {
        /** How often the garbage collector runs ({@code 1h}, {@code 30m}; {@code 0} never: only system:prune). */
        @WithDefault("1h")
        String period();

        /**
         * Untagged images left by failed builds are removed once this old: a younger one may be a
         * step of a build still running (builds are cut off after 30 minutes).
         */
        @WithDefault("30m")
        String buildLeftoverAge();
    }

    interface Releases {
        /** Images of this many newest releases stay on the node, so rolling back to them never rebuilds. */
        @WithDefault("10")
        int imagesKept();
    }

    interface Metrics {
        /** How often each app's traffic and instances are sampled; a day of samples is kept. */
        @WithDefault("10s")
        String interval();
    }
}
