package dev.gantry.control.users;

import dev.gantry.control.ForbiddenException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.AppMember;
import dev.gantry.control.domain.User;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what, for SSH commands, git, REST and the console alike. A member asking about an
 * app it has no part in gets exactly the answer for an app that does not exist, so it cannot
 * learn which apps others run.
 */
@ApplicationScoped
public class Authorization {

    /**
     * Refuses unless {@code userName} may perform {@code action} (as people type it, e.g.
     * {@code apps:share}) which needs {@code permission}, on {@code appName} when it needs an app.
     */
    @Transactional
    public void check(String userName, Permission permission, String appName, String action) {
        User user = user(userName);
        if (!permission.needsApp()) {
            if (!permission.grantedTo(user.role, Permission.Relation.NONE)) {
                throw new ForbiddenException(action + " is for admins only. Ask an admin to run it");
            }
            return;
        }
        App app = App.findByName(appName).orElseThrow(() -> NotFoundException.app(appName));
        Permission.Relation relation = relation(user, app);
        if (relation == Permission.Relation.NONE && !user.isAdmin()) {
            throw NotFoundException.app(appName);
        }
        if (!permission.grantedTo(user.role, relation)) {
            throw new ForbiddenException("only the owner of " + app.name + " (" + app.owner.name
                    + ") or an admin may run " + action);
        }
    }

    /** Refuses unless {@code userName} acts on itself, or is an admin. */
    @Transactional
    public void checkSelfOrAdmin(String userName, String target, String action) {
        if (!userName.equals(target)) {
            check(userName, Permission.ADMIN, null, action + " for another user");
        }
    }

    /** The whole audit log is for admins; one app's part of it for those who may use the app. */
    public void checkAuditReader(String userName, Optional<String> app) {
        check(userName, app.isPresent() ? Permission.APP_MEMBER : Permission.ADMIN, app.orElse(null),
                app.isPresent() ? "audit" : "audit of every app");
    }

    /** The user an action is for: {@code target} (as {@code --user NAME} gives it) if allowed, else the caller. */
    public String actingFor(String userName, Optional<String> target, String action) {
        target.ifPresent(other -> checkSelfOrAdmin(userName, other, action));
        return target.orElse(userName);
    }

    @Transactional
    public boolean isAdmin(String userName) {
        return user(userName).isAdmin();
    }

    /** The apps {@code userName} may see: all of them for an admin. */
    @Transactional
    public List<App> visibleApps(String userName) {
        User user = user(userName);
        if (user.isAdmin()) {
            return App.listAll(Sort.by("name"));
        }
        return App.list("owner = ?1 or id in (select m.app.id from AppMember m where m.user = ?1) order by name", user);
    }

    /** Whether an existing app is one {@code userName} may see; false for an unknown app. */
    @Transactional
    public boolean maySee(String userName, String appName) {
        User user = user(userName);
        Optional<App> app = App.findByName(appName);
        return app.isPresent() && (user.isAdmin() || relation(user, app.get()) != Permission.Relation.NONE);
    }

    private static Permission.Relation relation(User user, App app) {
        if (app.owner.id.equals(user.id)) {
            return Permission.Relation.OWNER;
        }
        return AppMember.exists(app, user) ? Permission.Relation.MEMBER : Permission.Relation.NONE;
    }

    private static User user(String userName) {
        // Keys and tokens go with their user, so only a user removed mid-session gets here.
        return User.findByName(userName).orElseThrow(() -> new ForbiddenException("user '" + userName
                + "' no longer exists. Ask an admin to add you again"));
    }
}
