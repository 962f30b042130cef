package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A person (or a robot) that uses Gantry through its SSH keys, API tokens or, with a password,
 * the web console. The name is what the audit log and releases record.
 */
@Entity
@Table(name = "gantry_user")
public class User extends IdentifiedEntity {

    /** The user the host's CLI token acts as; it always exists and always is an admin. */
    public static final String FIRST_ADMIN = "admin";

    public enum Role {
        /** May do everything. */
        ADMIN,
        /** May act only on apps it owns or that were shared with it. */
        MEMBER;

        /** As people type and read it: {@code admin}, {@code member}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Column(nullable = false, unique = true, length = 30)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** A {@code Passwords} hash, or null while no password is set. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public static Optional<User> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
