package dev.gantry.git;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Maps a public key to the Gantry user who owns it. The SSH server asks again on every use of
 * the identity, so a removed key stops working at once.
 */
@FunctionalInterface
public interface KeyAuthenticator {
    Optional<String> userFor(PublicKey key);
}
