package dev.gantry.node;

import java.io.Closeable;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What an app's instances write on stdout and stderr, read where they run: the control plane follows
 * every running instance into its app's log store, and shows the last lines of one that failed to
 * start. On one node the engine keeps the output (in files it rotates); over several, the
 * implementation reads it from the node the instance runs on.
 */
public interface InstanceLogs {

    /**
     * Follows an instance's output (by container id or name) from {@code since} (null: from its first
     * line) until it stops or the returned handle is closed. Each line goes to {@code sink} with the time
     * it was recorded, in order, without its newline, as plain text (control characters other than tabs
     * and escape sequences removed) cut at 4 KiB; a TTY's lines all count as stdout.
     *
     * <p>Never blocks: another thread calls {@code sink}, one line at a time, and a slow sink holds back
     * that instance's output only; a sink that throws stops following. An instance that does not exist
     * (or is removed meanwhile) ends following at once without an error, and so does a node lost on the
     * way (with a warning in the log). Closing the handle more than once is harmless.
     *
     * @return the handle that stops following when closed
     * @throws EngineUnavailableException when the node cannot be reached at the first call
     */
    Closeable follow(String instance, Instant since, Consumer<LogLine> sink);

    /**
     * The last {@code lines} lines of an instance's stdout and stderr, for error messages; empty when the
     * instance no longer exists.
     */
    String last(String instance, int lines);
}
