package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A public key that may use the SSH server, acting as its {@link #user}. */
@Entity
@Table(name = "ssh_key")
public class SshKey extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public User user;

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

    public static List<SshKey> of(User user) {
        return list("user = ?1 order by createdAt", user);
    }
}
