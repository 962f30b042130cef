package dev.gantry.control.cluster;

import java.nio.file.Path;

/** The registry's {@code config.yml}, for Distribution 2.8 as Debian ships it. */
final class RegistryConfig {

    private RegistryConfig() {
    }

    /** Serving TLS on every address at {@code port}, htpasswd credentials required, its files under {@code dir}. */
    static String yaml(int port, Path dir) {
        return """
                # Written by Gantry's cluster:init; Gantry starts the registry with it and restarts it when it stops.
                version: 0.1
                log:
                  level: warn
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  # The registry's garbage collection removes only what deleted manifests leave.
                  delete:
                    enabled: true
                http:
                  addr: ":%d"
                  tls:
                    certificate: %s
                    key: %s
                auth:
                  htpasswd:
                    realm: gantry
                    path: %s
                """.formatted(dir.resolve("data"), port, dir.resolve("registry.crt"), dir.resolve("registry.key"),
                dir.resolve("htpasswd"));
    }
}
