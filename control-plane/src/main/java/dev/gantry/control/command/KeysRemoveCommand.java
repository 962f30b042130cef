package dev.gantry.control.command;

import dev.gantry.control.keys.KeyService;
import jakarta.inject.Singleton;

@Singleton
public class KeysRemoveCommand extends NamedCommand {

    private final KeyService keys;

    KeysRemoveCommand(KeyService keys) {
        super("keys:remove", "FINGERPRINT|USER",
                "remove one key, or every key of a user; takes effect at once");
        this.keys = keys;
    }

    @Override
    public void run(CommandContext context) {
        String which = context.arg(0, "a fingerprint or user name");
        context.expectAtMost(1);
        long removed = keys.remove(which);
        context.out().println("Removed " + removed + " key(s) matching " + which);
    }
}
