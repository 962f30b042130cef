package dev.gantry.control.command;

import dev.gantry.control.keys.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class KeysRemoveCommand implements Command {

    private final KeyService keys;

    KeysRemoveCommand(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "keys:remove";
    }

    @Override
    public String usage() {
        return "FINGERPRINT|USER";
    }

    @Override
    public String summary() {
        return "remove one key, or every key of a user; takes effect at once";
    }

    @Override
    public void run(CommandContext context) {
        String which = context.arg(0, "a fingerprint or user name");
        context.expectAtMost(1);
        long removed = keys.remove(which);
        context.out().println("Removed " + removed + " key(s) matching " + which);
    }
}
