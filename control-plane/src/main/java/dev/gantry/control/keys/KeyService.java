package dev.gantry.control.keys;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.SshKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Registers, lists and removes the SSH keys that may push and run commands. */
@ApplicationScoped
public class KeyService {

    private static final Pattern USER_NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    /** Who owns this key, looked up on every use so that a removed key stops working at once. */
    @Transactional
    public Optional<String> userFor(PublicKey key) {
        return SshKey.findByFingerprint(KeyUtils.getFingerPrint(key)).map(found -> found.userName);
    }

    @Transactional
    public SshKey add(String userName, String authorizedKeyLine) {
        if (userName == null || !USER_NAME.matcher(userName).matches()) {
            throw new InvalidInputException("'" + userName + "' is not a valid user name. Use 1-64 lowercase letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit");
        }
        PublicKey key = parse(authorizedKeyLine);
        String fingerprint = KeyUtils.getFingerPrint(key);
        SshKey.findByFingerprint(fingerprint).ifPresent(existing -> {
            throw new InvalidInputException("this key (" + fingerprint + ") is already registered for '"
                    + existing.userName + "'. Remove it first with keys:remove " + fingerprint);
        });
        SshKey entry = new SshKey();
        entry.userName = userName;
        entry.fingerprint = fingerprint;
        entry.publicKey = authorizedKeyLine.trim();
        entry.createdAt = Instant.now();
        entry.persist();
        return entry;
    }

    @Transactional
    public List<SshKey> list() {
        return SshKey.listAll();
    }

    /** Removes one key by fingerprint, or every key of a user by user name. */
    @Transactional
    public long remove(String fingerprintOrUser) {
        long removed = fingerprintOrUser.startsWith("SHA256:")
                ? SshKey.delete("fingerprint", fingerprintOrUser)
                : SshKey.delete("userName", fingerprintOrUser);
        if (removed == 0) {
            throw new NotFoundException("no key matches '" + fingerprintOrUser
                    + "'. Give a fingerprint (SHA256:...) or a user name from keys:list");
        }
        return removed;
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
