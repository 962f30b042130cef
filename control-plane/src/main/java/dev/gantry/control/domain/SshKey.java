package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A public key that may use the SSH server, acting as {@link #userName}. */
@Entity
@Table(name = "ssh_key")
public class SshKey extends IdentifiedEntity {

    @Column(name = "user_name", nullable = false)
    public String userName;

    /** OpenSSH SHA256 fingerprint, e.g. {@code SHA256:abc...}. */
    @Column(nullable = false, unique = true)
    public String fingerprint;

    /** The key as one OpenSSH {@code authorized_keys} line. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<SshKey> findByFingerprint(String fingerprint) {
        return find("fingerprint", fingerprint).firstResultOptional();
    }
}
