package dev.gantry.control.command;

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

    void run(CommandContext context);
}
