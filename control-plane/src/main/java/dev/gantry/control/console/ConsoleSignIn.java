package dev.gantry.control.console;

import java.util.Optional;

/**
 * Who may use the console: checks a user name and password. Called once per sign-in attempt, on a
 * worker thread; the caller wipes {@code password} afterwards and limits the attempts per address.
 *
 * @return the user's name as the audit log and releases record it, or empty when the pair is wrong
 */
public interface ConsoleSignIn {

    Optional<String> signIn(String user, char[] password);
}
