package dev.gantry.control.command;

import dev.gantry.control.domain.User;
import dev.gantry.control.users.UserDirectory;
import jakarta.inject.Singleton;

@Singleton
public class UsersCommand extends AdminCommand implements ReadOnlyCommand {

    private final UserDirectory users;

    UsersCommand(UserDirectory users) {
        super("users", "", "list the users and their roles");
        this.users = users;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        for (User user : users.list()) {
            context.out().printf("%-30s %-7s %s  added %s%n", user.name, user.role.label(),
                    user.passwordHash == null ? "no password" : "password set", Formats.time(user.createdAt));
        }
    }
}
