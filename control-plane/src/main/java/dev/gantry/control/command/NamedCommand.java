package dev.gantry.control.command;

/** The part every command shares: how it is typed, its arguments and its line in {@code help}. */
abstract class NamedCommand implements Command {

    private final String name;
    private final String usage;
    private final String summary;

    NamedCommand(String name, String usage, String summary) {
        this.name = name;
        this.usage = usage;
        this.summary = summary;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return usage;
    }

    @Override
    public String summary() {
        return summary;
    }
}
