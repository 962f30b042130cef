package dev.gantry.git;

import java.security.PublicKey;

import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.jboss.logging.Logger;

/**
 * Answers MINA's question "is this key registered?" and nothing more. MINA asks it both for the
 * unsigned query (a client may offer any public key it has seen) and for the signed request, so
 * no identity may be recorded here (x/crypto CVE-2024-45337). The identity is taken later from the
 * key whose signature MINA verified; see {@link SessionIdentity}.
 */
final class RegisteredKeyAuthenticator implements PublickeyAuthenticator {
    private static final Logger LOG = Logger.getLogger(RegisteredKeyAuthenticator.class);

    private final KeyAuthenticator keys;

    RegisteredKeyAuthenticator(KeyAuthenticator keys) {
        this.keys = keys;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        try {
            return keys.userFor(key).isPresent();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Key lookup failed for %s; refusing the key", session.getClientAddress());
            return false;
        }
    }
}
