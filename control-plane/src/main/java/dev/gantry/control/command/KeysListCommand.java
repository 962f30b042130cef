package dev.gantry.control.command;

import dev.gantry.control.domain.SshKey;
import dev.gantry.control.keys.KeyService;
import jakarta.inject.Singleton;

@Singleton
public class KeysListCommand extends NamedCommand implements ReadOnlyCommand {

    private final KeyService keys;

    KeysListCommand(KeyService keys) {
        super("keys:list", "",
                "list the registered keys");
        this.keys = keys;
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
