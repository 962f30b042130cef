package dev.gantry.control.command;

import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.UserDirectory;
import jakarta.inject.Singleton;

@Singleton
public class UsersPasswdCommand extends NamedCommand {

    private final UserDirectory users;
    private final Authorization authorization;

    UsersPasswdCommand(UserDirectory users, Authorization authorization) {
        super("users:passwd", "NAME   (the password on stdin: users:passwd NAME < file)",
                "set the password NAME signs in to the web console with (your own, or anyone's as an admin)");
        this.users = users;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the user name");
        context.expectAtMost(1);
        authorization.checkSelfOrAdmin(context.user(), name, name());
        // One line, as 'echo', a file or a password manager sends it: the line end is not part of it.
        String password = context.readStdin().replaceFirst("\r?\n$", "");
        users.setPassword(name, password.toCharArray());
        context.out().println("Set the password of " + name);
    }
}
