package dev.gantry.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link GitSshServer}.
 *
 * @param bindHost     address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port         TCP port; 0 picks a free one (read it back with {@link GitSshServer#port()})
 * @param hostKeyFile  the server's private host key; generated on first start and reused after,
 *                     so clients' known_hosts entries keep matching
 * @param reposDir     directory holding one bare repository per app ({@code <app>.git})
 * @param maxPackBytes largest pack (and object) a push may send
 * @param timeout      how long a git transfer may stall reading or writing before it is aborted
 */
public record GitServerConfig(
        String bindHost, int port, Path hostKeyFile, Path reposDir, long maxPackBytes, Duration timeout) {

    public GitServerConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(hostKeyFile, "hostKeyFile");
        Objects.requireNonNull(reposDir, "reposDir");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        if (maxPackBytes <= 0) {
            throw new IllegalArgumentException("maxPackBytes must be positive, got " + maxPackBytes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** {@link #timeout} as JGit's transports take it: whole seconds, at least one. */
    int timeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toSeconds()));
    }
}
