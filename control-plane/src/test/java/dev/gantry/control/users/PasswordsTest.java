package dev.gantry.control.users;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = Passwords.hash(PASSWORD.clone());

        assertTrue(Passwords.verify(PASSWORD.clone(), hash));
        assertFalse(Passwords.verify("correct horse battery!".toCharArray(), hash));
        assertFalse(Passwords.verify(new char[0], hash));
    }

    @Test
    void theHashNamesItsSchemeAndIterationsAndNeverHoldsThePassword() {
        String hash = Passwords.hash(PASSWORD.clone());

        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
        assertFalse(hash.contains("horse"), hash);
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertNotEquals(Passwords.hash(PASSWORD.clone()), Passwords.hash(PASSWORD.clone()));
    }

    @Test
    void aHashKeepsItsOwnIterationsSoRaisingThemLaterKeepsOldPasswords() {
        String older = Passwords.hash(PASSWORD.clone(), 1000);
        assertTrue(older.startsWith("pbkdf2-sha256$1000$"), older);
        assertTrue(Passwords.verify(PASSWORD.clone(), older));

        String tampered = older.replace("$1000$", "$1001$");
        assertFalse(Passwords.verify(PASSWORD.clone(), tampered), "same salt and hash, other iterations");
    }

    @Test
    void malformedOrMissingHashesVerifyNothing() {
        for (String bad : new String[] {null, "", "plain", "md5$1$abc$def", "pbkdf2-sha256$x$abc$def",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$!!!$AAAA"}) {
            assertFalse(Passwords.verify(PASSWORD.clone(), bad), String.valueOf(bad));
        }
    }

    @Test
    void wipeOverwritesThePassword() {
        char[] password = "secret-secret".toCharArray();
        Passwords.wipe(password);
        assertArrayEquals(new char[13], password);
    }
}
