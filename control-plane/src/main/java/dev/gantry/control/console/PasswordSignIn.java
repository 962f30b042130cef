package dev.gantry.control.console;

import dev.gantry.control.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** People sign in with the password an admin (or they themselves) set with {@code users:passwd}. */
@ApplicationScoped
public class PasswordSignIn implements ConsoleSignIn {

    private final UserDirectory users;

    PasswordSignIn(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Optional<String> signIn(String user, char[] password) {
        return users.signIn(user, password).map(signedIn -> signedIn.name);
    }
}
