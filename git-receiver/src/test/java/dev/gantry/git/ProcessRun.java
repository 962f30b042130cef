package dev.gantry.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real client process (git, ssh) with a bounded wait; kills it when the time is up. */
record ProcessRun(int exitCode, String stdout, String stderr) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static ProcessRun run(Path dir, Map<String, String> env, List<String> command) {
        return run(dir, env, command, DEFAULT_TIMEOUT);
    }

    static ProcessRun run(Path dir, Map<String, String> env, List<String> command, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().putAll(env);
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process process = builder.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread outPump = pump(process.getInputStream(), out);
            Thread errPump = pump(process.getErrorStream(), err);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + command + "\nstderr: " + err);
            }
            outPump.join(10_000);
            errPump.join(10_000);
            return new ProcessRun(process.exitValue(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (sink) {
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The lines of stderr that are neither empty nor OpenSSH's "Warning: Permanently added" notes. */
    List<String> errorLines() {
        return stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("Warning: Permanently added")).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
