package dev.gantry.control.command;

import dev.gantry.control.keys.KeyService;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;

@Singleton
public class KeysRemoveCommand extends NamedCommand {

    private final KeyService keys;
    private final Authorization authorization;

    KeysRemoveCommand(KeyService keys, Authorization authorization) {
        super("keys:remove", "FINGERPRINT|USER",
                "remove one key, or every key of a user (your own; an admin: anyone's); takes effect at once");
        this.keys = keys;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        String which = context.arg(0, "a fingerprint or user name");
        context.expectAtMost(1);
        authorization.checkSelfOrAdmin(context.user(), keys.ownerOf(which), name());
        long removed = keys.remove(which);
        context.out().println("Removed " + removed + " key(s) matching " + which);
    }
}
