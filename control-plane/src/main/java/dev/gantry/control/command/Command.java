package dev.gantry.control.command;

import dev.gantry.control.users.Permission;
import java.util.List;

/**
 * One command people type over SSH ({@code ssh -p 2222 gantry@HOST NAME ARGS}) or on the host
 * ({@code ./gantry NAME ARGS}). Both reach the same implementation.
 */
public interface Command {

    /** As typed, e.g. {@code apps:create}. */
    String name();

    /** Arguments after the name, e.g. {@code APP [--force]}. */
    String usage();

    /** One line for {@code help}. */
    String summary();

    /**
     * What the caller needs, checked by the dispatcher before {@link #run}: by default a command
     * whose usage starts with APP needs a part in that app, and any other command is anyone's.
     */
    default Permission permission() {
        return usage().startsWith("APP") ? Permission.APP_MEMBER : Permission.ANYONE;
    }

    /**
     * What the command acts on besides an app (a backing service's name), for the audit log: never an
     * argument that may hold a secret.
     */
    default String subject(List<String> args) {
        return null;
    }

    void run(CommandContext context);
}
