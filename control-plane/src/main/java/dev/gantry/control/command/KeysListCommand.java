package dev.gantry.control.command;

import dev.gantry.control.domain.SshKey;
import dev.gantry.control.keys.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class KeysListCommand implements Command {

    private final KeyService keys;

    KeysListCommand(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "keys:list";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "list the registered keys";
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        for (SshKey key : keys.list()) {
            context.out().printf("%-16s %s  %s  added %s%n", key.userName, key.fingerprint,
                    key.publicKey.split(" ")[0], Formats.time(key.createdAt));
        }
    }
}
