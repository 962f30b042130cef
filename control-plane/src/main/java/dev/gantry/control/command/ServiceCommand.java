package dev.gantry.control.command;

import dev.gantry.common.AppName;
import java.util.List;

/** A {@code services:*} command: the audit log names the service it acted on. */
abstract class ServiceCommand extends NamedCommand {

    private final int nameAt;

    /** @param nameAt where the service's name stands among the arguments */
    ServiceCommand(String name, String usage, String summary, int nameAt) {
        super(name, usage, summary);
        this.nameAt = nameAt;
    }

    @Override
    public String subject(List<String> args) {
        return args.size() > nameAt && AppName.isValid(args.get(nameAt)) ? args.get(nameAt) : null;
    }
}
