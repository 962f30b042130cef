package dev.gantry.control.command;

import dev.gantry.common.AppName;
import dev.gantry.control.domain.SshKey;
import dev.gantry.control.keys.KeyService;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class KeysAddCommand extends NamedCommand {

    private final KeyService keys;
    private final Authorization authorization;

    KeysAddCommand(KeyService keys, Authorization authorization) {
        super("keys:add", "[--user NAME] [PUBLIC-KEY]   (or the key on stdin: keys:add < key.pub)",
                "let a public key push and run commands as you (an admin: as NAME)");
        this.keys = keys;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        String user = authorization.actingFor(context.user(), context.option("--user"), name());
        List<String> key = context.positional("--user");
        if (key.size() == 1 && AppName.isValid(key.get(0))) {
            // keys:add USER was the form before users had roles; say how it is written now.
            throw context.usageError("'" + key.get(0) + "' is not a public key. For a user's key: keys:add --user "
                    + key.get(0) + " < key.pub");
        }
        SshKey added = keys.add(user, key.isEmpty() ? context.readStdin() : String.join(" ", key));
        context.out().println("Added key " + added.fingerprint + " for " + added.user.name);
    }
}
