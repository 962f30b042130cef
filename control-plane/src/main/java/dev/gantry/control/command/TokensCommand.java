package dev.gantry.control.command;

import dev.gantry.control.domain.ApiToken;
import dev.gantry.control.users.ApiTokens;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;
import java.time.Instant;

@Singleton
public class TokensCommand extends NamedCommand implements ReadOnlyCommand {

    private final ApiTokens tokens;
    private final Authorization authorization;

    TokensCommand(ApiTokens tokens, Authorization authorization) {
        super("tokens", "[--user NAME]", "list your API tokens (an admin: NAME's): prefix, expiry, last use");
        this.tokens = tokens;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        String user = authorization.actingFor(context.user(), context.option("--user"), name());
        context.expectAtMost(0, "--user");
        Instant now = Instant.now();
        for (ApiToken token : tokens.list(user)) {
            context.out().printf("%-30s %s...  %-8s created %s  %s  %s%n", token.name, token.prefix, token.state(now),
                    Formats.time(token.createdAt),
                    token.expiresAt == null ? "never expires" : "expires " + Formats.time(token.expiresAt),
                    token.lastUsedAt == null ? "never used" : "last used " + Formats.time(token.lastUsedAt));
        }
    }
}
