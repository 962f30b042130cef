package dev.gantry.control.build;

import dev.gantry.node.BuildFailedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine names a failed RUN step by its whole shell line; for a generated Dockerfile's steps
 * (several commands chained) the first command says which one the user should look at.
 */
public final class FailedStep {

    private static final Pattern FAILED_RUN = Pattern.compile(
            "The command '/bin/sh -c (.+?)' returned a non-zero code: (\\d+)", Pattern.DOTALL);

    private FailedStep() {
    }

    /** "'npm run build' failed with exit code 1", or {@code failure} itself when it is not a failed RUN. */
    public static RuntimeException briefly(RuntimeException failure) {
        Matcher run = failure instanceof BuildFailedException ? FAILED_RUN.matcher(failure.getMessage()) : null;
        if (run == null || !run.matches()) {
            return failure;
        }
        String firstCommand = run.group(1).split("\\s+&&\\s+")[0].strip();
        return new BuildFailedException("'" + firstCommand + "' failed with exit code " + run.group(2),
                ((BuildFailedException) failure).step().orElse(null));
    }
}
