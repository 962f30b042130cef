package dev.gantry.control.command;

import dev.gantry.control.users.ApiTokens;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;

@Singleton
public class TokensRevokeCommand extends NamedCommand {

    private final ApiTokens tokens;
    private final Authorization authorization;

    TokensRevokeCommand(ApiTokens tokens, Authorization authorization) {
        super("tokens:revoke", "NAME [--user NAME]", "stop an API token from working, at once");
        this.tokens = tokens;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        String user = authorization.actingFor(context.user(), context.option("--user"), name());
        String name = context.onlyArgument("the token name", "--user");
        tokens.revoke(user, name);
        context.out().println("Revoked token " + name + " of " + user);
    }
}
