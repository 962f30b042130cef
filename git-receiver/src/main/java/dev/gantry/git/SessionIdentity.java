package dev.gantry.git;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.session.ServerSession;

/**
 * Who is on the other end of a session: the owner of the key whose signature MINA verified.
 * MINA adds a key to {@link UserAuthPublicKey#AUTHENTICATED_KEYS} only after the signature check,
 * so a key merely offered in an unsigned query never lands there. The owner is looked up again on
 * every call, so removing a key cuts off commands and in-flight pushes at once.
 */
final class SessionIdentity {
    private final KeyAuthenticator keys;

    SessionIdentity(KeyAuthenticator keys) {
        this.keys = keys;
    }

    /** The current owner of the session's verified key, if it is still registered. */
    Optional<String> currentUser(ServerSession session) {
        return verifiedKey(session).flatMap(keys::userFor);
    }

    /** Like {@link #currentUser} but refuses the command when the key is gone. */
    String requireUser(ServerSession session) throws RefusedCommandException {
        return currentUser(session).orElseThrow(() -> new RefusedCommandException(
                "your SSH key is not registered (any more). Add it with keys:add, or use a registered key."));
    }

    private static Optional<PublicKey> verifiedKey(ServerSession session) {
        List<PublicKey> verified = session.getAttribute(UserAuthPublicKey.AUTHENTICATED_KEYS);
        if (verified == null || verified.isEmpty()) {
            return Optional.empty();
        }
        // Public key is the only auth method, so authentication ends with the first verified key.
        return Optional.of(verified.get(verified.size() - 1));
    }
}
