package dev.gantry.control.command;

import dev.gantry.control.checks.Durations;
import dev.gantry.control.users.ApiTokens;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;

@Singleton
public class TokensCreateCommand extends NamedCommand {

    private final ApiTokens tokens;
    private final Authorization authorization;

    TokensCreateCommand(ApiTokens tokens, Authorization authorization) {
        super("tokens:create", "NAME [--expires 30d] [--user NAME]",
                "make an API token (Authorization: Bearer) for you (an admin: for NAME); shown once");
        this.tokens = tokens;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        String user = authorization.actingFor(context.user(), context.option("--user"), name());
        String name = context.onlyArgument("the token name", "--user", "--expires");
        ApiTokens.CreatedToken created = tokens.create(user, name,
                context.option("--expires").map(text -> Durations.parse("--expires", text)));
        context.out().println(created.token());
        context.err().println("Created token " + created.name() + " for " + created.user()
                + (created.expiresAt() == null ? "" : ", expires " + Formats.time(created.expiresAt()))
                + ". Copy it now: Gantry keeps only its hash and cannot show it again");
    }
}
