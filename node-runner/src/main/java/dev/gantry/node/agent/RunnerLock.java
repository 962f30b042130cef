package dev.gantry.node.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One node runner at a time owns the instances saved in a state file: two runners reconciling the same
 * desired set against one engine would each remove what the other just started. This can happen when
 * a host runs the node runner inside the control plane and as its own process at once. The lock is the
 * operating system's, so it goes with its process however that ends.
 */
final class RunnerLock implements AutoCloseable {

    private final FileChannel channel;

    private RunnerLock(FileChannel channel) {
        this.channel = channel;
    }

    /** The lock beside {@code stateFile}, or an {@link IllegalStateException} naming the fix while another runner holds it. */
    static RunnerLock take(Path stateFile) {
        Path file = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (lock(channel) == null) {
                channel.close();
                throw new IllegalStateException("another node runner already runs the instances saved in " + stateFile
                        + ". Run one per host: inside the control plane (GANTRY_NODE_MODE=embedded, the default) or"
                        + " as its own process (GANTRY_NODE_MODE=process, gantry-node-runner.service), and stop the other");
            }
            return new RunnerLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Null while another process, or another runner in this one, holds it. */
    private static FileLock lock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
