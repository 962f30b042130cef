package dev.gantry.control.command;

import dev.gantry.control.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who runs a command, with which arguments, where its output (and error output) goes, and whether
 * the client has a terminal.
 */
public record CommandContext(String user, Command command, List<String> args, InputStream stdin, PrintStream out,
        PrintStream err, boolean tty) {

    private static final int MAX_STDIN_BYTES = 64 * 1024;

    /** The positional argument at {@code index}, or a usage error naming it. */
    public String arg(int index, String what) {
        if (args.size() <= index || args.get(index).startsWith("--")) {
            throw usageError("missing " + what);
        }
        return args.get(index);
    }

    /**
     * The value of a {@code --name VALUE} option, wherever it stands; {@link #positional} leaves
     * such pairs out.
     */
    public Optional<String> option(String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
            throw usageError(name + " needs a value");
        }
        return Optional.of(args.get(at + 1));
    }

    /** The arguments without the {@code --name VALUE} options named, in order. */
    public List<String> positional(String... optionNames) {
        List<String> options = List.of(optionNames);
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (options.contains(args.get(i))) {
                i++;
            } else {
                positional.add(args.get(i));
            }
        }
        return positional;
    }

    /** The one argument besides the {@code --name VALUE} options named, or a usage error naming it. */
    public String onlyArgument(String what, String... optionNames) {
        List<String> positional = positional(optionNames);
        if (positional.isEmpty()) {
            throw usageError("missing " + what);
        }
        expectAtMost(1, optionNames);
        return positional.get(0);
    }

    public boolean flag(String name) {
        return args.contains(name);
    }

    /**
     * A usage error naming the first argument past {@code count}, leaving out the {@code --name VALUE}
     * options named.
     */
    public void expectAtMost(int count, String... optionNames) {
        List<String> positional = positional(optionNames);
        if (positional.size() > count) {
            throw usageError("unexpected argument '" + positional.get(count) + "'");
        }
    }

    public String readStdin() {
        try {
            byte[] bytes = stdin.readNBytes(MAX_STDIN_BYTES + 1);
            if (bytes.length > MAX_STDIN_BYTES) {
                throw new InvalidInputException("input over " + MAX_STDIN_BYTES / 1024 + " KiB. Send less on stdin");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InvalidInputException usageError(String problem) {
        return new InvalidInputException(problem + ". Usage: " + command.name() + " " + command.usage());
    }
}
