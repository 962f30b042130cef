package dev.gantry.git;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs a non-git command sent over SSH ({@code ssh gantry@host apps:list}). The argv is split
 * from the exec string without any shell; when the client asked for a terminal ({@code ssh -t}),
 * the output already gets CRLF line ends. Returns the process exit code.
 */
@FunctionalInterface
public interface CommandHandler {
    int run(SshClient client, List<String> argv, InputStream stdin, PrintStream stdout, PrintStream stderr);
}
