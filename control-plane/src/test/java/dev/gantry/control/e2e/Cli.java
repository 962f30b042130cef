package dev.gantry.control.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real client program (git, ssh, ssh-keygen, ./gantry) with a time limit and captures what it prints. */
final class Cli {

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Cli() {
    }

    static Result run(Path dir, Map<String, String> env, List<String> command) {
        return run(dir, env, command, null);
    }

    static Result run(Path dir, Map<String, String> env, List<String> command, Path stdin) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /** Removes a test's scratch directory (repositories, keys, a data dir with its database files). */
    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static Result ok(Path dir, Map<String, String> env, String... command) {
        Result result = run(dir, env, List.of(command));
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result;
    }
}
