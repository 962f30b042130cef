package dev.gantry.control.apps;

import dev.gantry.control.GantryException;
import dev.gantry.git.GitAccessDeniedException;
import dev.gantry.git.LineSink;
import dev.gantry.git.RepositoryAccess;
import jakarta.enterprise.context.ApplicationScoped;

/** Lets any registered key push to and fetch from apps; a push to a new name creates the app. */
@ApplicationScoped
public class AppGitAccess implements RepositoryAccess {

    private final AppService apps;

    AppGitAccess(AppService apps) {
        this.apps = apps;
    }

    @Override
    public void beforePush(String user, String app, LineSink progress) {
        try {
            if (apps.ensureExistsForPush(app, user)) {
                progress.line("-----> Created app " + app + " (first push)");
            }
        } catch (GantryException e) {
            throw new GitAccessDeniedException(e.getMessage());
        }
    }

    @Override
    public void beforeFetch(String user, String app) {
        try {
            apps.get(app);
        } catch (GantryException e) {
            throw new GitAccessDeniedException(e.getMessage());
        }
    }
}
