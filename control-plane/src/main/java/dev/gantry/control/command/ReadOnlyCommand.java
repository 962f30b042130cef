package dev.gantry.control.command;

/** A command that only shows something: it changes nothing, so the audit log leaves it out. */
public interface ReadOnlyCommand extends Command {
}
