package dev.gantry.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The readiness signal a restart waits for: {@code GANTRY_HOME/run/router.ready} holds the pid of
 * the router process that last began serving on the public port. A new router writes it once it
 * accepts connections; only then may the old one be stopped.
 */
final class ReadyFile {

    private final Path file;
    private final String pid = Long.toString(ProcessHandle.current().pid());

    ReadyFile(Path gantryHome) {
        this.file = gantryHome.resolve("run").resolve("router.ready");
    }

    /** Names this process, replacing whatever was there in one move, so a reader never sees half a pid. */
    void markReady() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "router.ready", ".tmp");
            try {
                Files.writeString(temp, pid + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the file if it still names this process: a successor's signal stays. */
    void withdraw() {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).trim().equals(pid)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // A stale file names a pid that no longer runs, which a reader checks anyway.
        }
    }
}
