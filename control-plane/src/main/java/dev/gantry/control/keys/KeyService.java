package dev.gantry.control.keys;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.SshKey;
import dev.gantry.control.domain.User;
import dev.gantry.control.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Registers, lists and removes the SSH keys that may push and run commands. */
@ApplicationScoped
public class KeyService {

    private final UserDirectory users;

    KeyService(UserDirectory users) {
        this.users = users;
    }

    /** Who owns this key, looked up on every use so that a removed key stops working at once. */
    @Transactional
    public Optional<String> userFor(PublicKey key) {
        return SshKey.findByFingerprint(KeyUtils.getFingerPrint(key)).map(found -> found.user.name);
    }

    @Transactional
    public SshKey add(String userName, String authorizedKeyLine) {
        User user = users.get(userName);
        PublicKey key = parse(authorizedKeyLine);
        String fingerprint = KeyUtils.getFingerPrint(key);
        SshKey.findByFingerprint(fingerprint).ifPresent(existing -> {
            throw new InvalidInputException("this key (" + fingerprint + ") is already registered for '"
                    + existing.user.name + "'. Remove it first with keys:remove " + fingerprint);
        });
        SshKey entry = new SshKey();
        entry.user = user;
        entry.fingerprint = fingerprint;
        entry.publicKey = authorizedKeyLine.trim();
        entry.createdAt = Instant.now();
        entry.persist();
        return entry;
    }

    @Transactional
    public List<SshKey> list() {
        return SshKey.list("order by user.name, createdAt");
    }

    @Transactional
    public List<SshKey> listOf(String userName) {
        return SshKey.of(users.get(userName));
    }

    /** Whose keys {@code fingerprintOrUser} names: a key's owner, or the user named. */
    @Transactional
    public String ownerOf(String fingerprintOrUser) {
        if (fingerprintOrUser.startsWith("SHA256:")) {
            return SshKey.findByFingerprint(fingerprintOrUser).map(key -> key.user.name).orElseThrow(() -> noKey(
                    fingerprintOrUser));
        }
        return fingerprintOrUser;
    }

    /** Removes one key by fingerprint, or every key of a user by user name. */
    @Transactional
    public long remove(String fingerprintOrUser) {
        long removed = fingerprintOrUser.startsWith("SHA256:")
                ? SshKey.delete("fingerprint", fingerprintOrUser)
                : User.findByName(fingerprintOrUser).map(user -> SshKey.delete("user", user)).orElse(0L);
        if (removed == 0) {
            throw noKey(fingerprintOrUser);
        }
        return removed;
    }

    private static NotFoundException noKey(String fingerprintOrUser) {
        return new NotFoundException("no key matches '" + fingerprintOrUser
                + "'. Give a fingerprint (SHA256:...) or a user name from keys:list");
    }

    private static PublicKey parse(String line) {
        String trimmed = line == null ? "" : line.trim();
        if (trimmed.isEmpty() || trimmed.contains("\n")) {
            throw new InvalidInputException("expected exactly one public key line such as 'ssh-ed25519 AAAA... you@host'."
                    + " Pass the .pub file, not the private key");
        }
        try {
            PublicKey key = AuthorizedKeyEntry.parseAuthorizedKeyEntry(trimmed)
                    .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("unsupported key type");
            }
            return key;
        } catch (Exception e) {
            throw new InvalidInputException("not a valid OpenSSH public key (" + e.getMessage()
                    + "). Pass the contents of a .pub file, e.g. ~/.ssh/id_ed25519.pub");
        }
    }
}
