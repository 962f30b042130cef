package dev.gantry.control.deploy;

import dev.gantry.common.LineSink;
import dev.gantry.control.GantryException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import dev.gantry.git.GitAccessDeniedException;
import dev.gantry.git.RepositoryAccess;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets a key push to and fetch from the apps its user may use; a push to a new name creates the
 * app, owned by that user. Fetching someone else's app looks like fetching an unknown one; pushing
 * to it can only be refused as a taken name, since pushing to an unknown name would create it.
 */
@ApplicationScoped
public class AppGitAccess implements RepositoryAccess {

    private final AppService apps;
    private final Authorization authorization;

    AppGitAccess(AppService apps, Authorization authorization) {
        this.apps = apps;
        this.authorization = authorization;
    }

    @Override
    public void beforePush(String user, String app, LineSink progress) {
        try {
            if (apps.ensureExistsForPush(app, user)) {
                progress.line("-----> Created app " + app + " (first push)");
                return;
            }
            authorization.check(user, Permission.APP_MEMBER, app, "git push");
        } catch (NotFoundException e) {
            throw new GitAccessDeniedException(AppService.nameTaken(app).getMessage());
        } catch (GantryException e) {
            throw new GitAccessDeniedException(e.getMessage());
        }
    }

    @Override
    public void beforeFetch(String user, String app) {
        try {
            authorization.check(user, Permission.APP_MEMBER, app, "git fetch");
        } catch (GantryException e) {
            throw new GitAccessDeniedException(e.getMessage());
        }
    }
}
