package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A bearer token for the REST API, acting as its user. Only the token's SHA-256 is kept. */
@Entity
@Table(name = "api_token")
public class ApiToken extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public User user;

    @Column(nullable = false, length = 30)
    public String name;

    /** Lowercase hex SHA-256 of the whole token. */
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    /** The token's first characters, shown so people can tell which token is which. */
    @Column(nullable = false)
    public String prefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** Null: never expires. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** As listings show it: {@code active}, {@code expired} or {@code revoked}. */
    public String state(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiredAt(now) ? "expired" : "active";
    }

    public static Optional<ApiToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public static Optional<ApiToken> findActive(User user, String name) {
        return find("user = ?1 and name = ?2 and revokedAt is null", user, name).firstResultOptional();
    }

    public static List<ApiToken> of(User user) {
        return list("user = ?1 order by createdAt", user);
    }
}
