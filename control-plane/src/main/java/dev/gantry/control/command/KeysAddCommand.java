package dev.gantry.control.command;

import dev.gantry.control.domain.SshKey;
import dev.gantry.control.keys.KeyService;
import jakarta.inject.Singleton;

@Singleton
public class KeysAddCommand extends NamedCommand {

    private final KeyService keys;

    KeysAddCommand(KeyService keys) {
        super("keys:add", "USER [PUBLIC-KEY]   (or the key on stdin: keys:add USER < key.pub)",
                "let a public key push and run commands as USER");
        this.keys = keys;
    }

    @Override
    public void run(CommandContext context) {
        String user = context.arg(0, "the user name");
        String key = context.args().size() > 1
                ? String.join(" ", context.args().subList(1, context.args().size()))
                : context.readStdin();
        SshKey added = keys.add(user, key);
        context.out().println("Added key " + added.fingerprint + " for " + added.userName);
    }
}
