package dev.gantry.control.users;

import dev.gantry.common.AppName;
import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.UnauthorizedException;
import dev.gantry.control.domain.ApiToken;
import dev.gantry.control.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: made per user and shown once, kept only as their SHA-256 (a token is 256 random
 * bits, so a plain hash is enough to make a stolen table useless), revocable, optionally expiring.
 */
@ApplicationScoped
public class ApiTokens {

    static final String TOKEN_START = "gantry_";
    private static final int PREFIX_LENGTH = TOKEN_START.length() + 6;
    private static final int RANDOM_BYTES = 32;
    // "last used" is for people, not for accounting: one write a minute per token is plenty.
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserDirectory users;

    ApiTokens(UserDirectory users) {
        this.users = users;
    }

    /** A new token: {@link #token} is its only appearance anywhere. */
    public record CreatedToken(String name, String user, String token, String prefix, Instant expiresAt) {
    }

    @Transactional
    public CreatedToken create(String userName, String name, Optional<Duration> lifetime) {
        User user = users.get(userName);
        if (!AppName.isValid(name)) {
            throw new InvalidInputException("'" + name + "' is not a valid token name. Token names are 1-30 lowercase"
                    + " letters, digits and hyphens, e.g. ci or deploy-bot");
        }
        if (lifetime.isPresent() && (lifetime.get().isZero() || lifetime.get().isNegative())) {
            throw new InvalidInputException("--expires: must be longer than 0, e.g. 30d");
        }
        if (ApiToken.findActive(user, name).isPresent()) {
            throw new ConflictException(userName + " already has a token named '" + name
                    + "'. Pick another name, or revoke it first with tokens:revoke " + name);
        }
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String token = TOKEN_START + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken entry = new ApiToken();
        entry.user = user;
        entry.name = name;
        entry.tokenHash = sha256(token);
        entry.prefix = token.substring(0, PREFIX_LENGTH);
        entry.createdAt = Instant.now();
        entry.expiresAt = lifetime.map(entry.createdAt::plus).orElse(null);
        entry.persist();
        return new CreatedToken(name, userName, token, entry.prefix, entry.expiresAt);
    }

    @Transactional
    public List<ApiToken> list(String userName) {
        return ApiToken.of(users.get(userName));
    }

    @Transactional
    public void revoke(String userName, String name) {
        ApiToken token = ApiToken.findActive(users.get(userName), name).orElseThrow(() -> new NotFoundException(userName
                + " has no active token named '" + name + "'. Run 'tokens' to list them"));
        token.revokedAt = Instant.now();
    }

    /** The user a bearer token acts as; refuses an unknown, revoked or expired token, saying which. */
    @Transactional
    public String authenticate(String presented) {
        ApiToken token = ApiToken.findByHash(sha256(presented.trim())).orElseThrow(() -> new UnauthorizedException(
                "unknown bearer token. Create one with tokens:create NAME, or use the host's GANTRY_HOME/cli-token"));
        Instant now = Instant.now();
        if (token.revokedAt != null) {
            throw new UnauthorizedException("the token '" + token.name + "' of " + token.user.name + " was revoked at "
                    + token.revokedAt + ". Create a new one with tokens:create");
        }
        if (token.expiredAt(now)) {
            throw new UnauthorizedException("the token '" + token.name + "' of " + token.user.name + " expired at "
                    + token.expiresAt + ". Create a new one with tokens:create");
        }
        if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
            token.lastUsedAt = now;
        }
        return token.user.name;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
