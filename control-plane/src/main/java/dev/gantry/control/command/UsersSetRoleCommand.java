package dev.gantry.control.command;

import dev.gantry.control.domain.User;
import dev.gantry.control.users.UserDirectory;
import jakarta.inject.Singleton;

@Singleton
public class UsersSetRoleCommand extends AdminCommand {

    private final UserDirectory users;

    UsersSetRoleCommand(UserDirectory users) {
        super("users:set-role", "NAME admin|member", "make a user an admin (everything) or a member (their apps)");
        this.users = users;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the user name");
        User.Role role = UserDirectory.parseRole(context.arg(1, "the role (admin or member)"));
        context.expectAtMost(2);
        users.setRole(name, role);
        context.out().println(name + " is now " + (role == User.Role.ADMIN ? "an admin" : "a member"));
    }
}
