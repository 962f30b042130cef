package dev.gantry.control;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Gantry's own settings (prefix {@code gantry.}); defaults live in application.properties. */
@ConfigMapping(prefix = "gantry")
public interface GantryConfig {

    /** Data directory: repositories, host key, CLI token, embedded database. */
    Path home();

    /** Apps answer at {@code APP.<base-domain>} through the router. */
    String baseDomain();

    /** The host name people reach this machine by, shown in git remotes. */
    String publicHost();

    Ssh ssh();

    RouterSettings router();

    Docker docker();

    Node node();

    Releases releases();

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

        String bindHost();

        /** The process router's admin interface, on 127.0.0.1. */
        int adminPort();
    }

    interface Docker {
        String host();
    }

    interface Node {
        /** Address instances publish their ports on; the router's upstreams use it. */
        String advertiseAddress();
    }

    interface Releases {
        /** Images of this many newest releases stay on the node, so rolling back to them never rebuilds. */
        @WithDefault("10")
        int imagesKept();
    }
}
