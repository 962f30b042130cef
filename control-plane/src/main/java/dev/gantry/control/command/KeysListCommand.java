package dev.gantry.control.command;

import dev.gantry.control.domain.SshKey;
import dev.gantry.control.keys.KeyService;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;

@Singleton
public class KeysListCommand extends NamedCommand implements ReadOnlyCommand {

    private final KeyService keys;
    private final Authorization authorization;

    KeysListCommand(KeyService keys, Authorization authorization) {
        super("keys:list", "",
                "list your keys (an admin sees everyone's)");
        this.keys = keys;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        for (SshKey key : authorization.isAdmin(context.user()) ? keys.list() : keys.listOf(context.user())) {
            context.out().printf("%-16s %s  %s  added %s%n", key.user.name, key.fingerprint,
                    key.publicKey.split(" ")[0], Formats.time(key.createdAt));
        }
    }
}
