package dev.gantry.control.console;

import dev.gantry.control.api.CliResource;
import dev.gantry.control.infra.CliToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Until Gantry has users, the console lets in the administrator only: user {@code admin}, with the
 * token of {@code GANTRY_HOME/cli-token} as password, the same secret the REST API asks for.
 */
@ApplicationScoped
public class AdminTokenSignIn implements ConsoleSignIn {

    private final CliToken token;

    AdminTokenSignIn(CliToken token) {
        this.token = token;
    }

    @Override
    public Optional<String> signIn(String user, char[] password) {
        boolean admin = CliResource.LOCAL_ADMIN.equals(user) && token.matches(new String(password));
        return admin ? Optional.of(CliResource.LOCAL_ADMIN) : Optional.empty();
    }
}
