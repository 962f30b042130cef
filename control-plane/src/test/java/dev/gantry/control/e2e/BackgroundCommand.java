package dev.gantry.control.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A client program left running while the test does something else, e.g. a push in progress. */
final class BackgroundCommand {

    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private BackgroundCommand(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "output of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static BackgroundCommand start(Path dir, Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        return new BackgroundCommand(builder.start());
    }

    /** Waits until the output contains {@code text}; fails with what was printed if it never does. */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.toString().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !output.toString().contains(text)) {
                throw new AssertionError("never printed '" + text + "':\n" + output);
            }
            Thread.sleep(100);
        }
    }

    Cli.Result await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish within " + timeout + ":\n" + output);
        }
        Thread.sleep(200); // let the reader drain the last bytes
        return new Cli.Result(process.exitValue(), output.toString());
    }

    /** Ends the command and whatever it started (a script's pipeline), like Ctrl-C would. */
    String stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        return output.toString();
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException ended) {
            // the process is gone; what was read stays in output
        }
    }
}
