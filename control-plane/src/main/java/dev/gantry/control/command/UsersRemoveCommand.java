package dev.gantry.control.command;

import dev.gantry.control.users.UserDirectory;
import jakarta.inject.Singleton;

@Singleton
public class UsersRemoveCommand extends AdminCommand {

    private final UserDirectory users;

    UsersRemoveCommand(UserDirectory users) {
        super("users:remove", "NAME", "remove a user with their keys, tokens and shares; takes effect at once");
        this.users = users;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the user name");
        context.expectAtMost(1);
        users.remove(name);
        context.out().println("Removed " + name + " with their keys, tokens and shares");
    }
}
