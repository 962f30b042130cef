package dev.gantry.control.command;

import dev.gantry.control.domain.User;
import dev.gantry.control.users.UserDirectory;
import jakarta.inject.Singleton;

@Singleton
public class UsersAddCommand extends AdminCommand {

    private final UserDirectory users;

    UsersAddCommand(UserDirectory users) {
        super("users:add", "NAME [--role admin|member]",
                "add a user (a member unless --role admin); then keys:add --user NAME gives them a key");
        this.users = users;
    }

    @Override
    public void run(CommandContext context) {
        User.Role role = UserDirectory.parseRole(context.option("--role").orElse(User.Role.MEMBER.label()));
        String name = context.onlyArgument("the user name", "--role");
        User added = users.add(name, role);
        context.out().println("Added " + added.name + " (" + role.label() + "). Give them a key with keys:add --user "
                + added.name + " < their-key.pub");
    }
}
