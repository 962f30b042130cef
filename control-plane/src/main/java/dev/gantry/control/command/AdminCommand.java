package dev.gantry.control.command;

import dev.gantry.control.users.Permission;

/** A command that changes Gantry itself or other people's access, so only admins run it. */
abstract class AdminCommand extends NamedCommand {

    AdminCommand(String name, String usage, String summary) {
        super(name, usage, summary);
    }

    @Override
    public Permission permission() {
        return Permission.ADMIN;
    }
}
