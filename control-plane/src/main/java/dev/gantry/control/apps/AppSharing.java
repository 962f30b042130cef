package dev.gantry.control.apps;

import dev.gantry.control.ConflictException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.AppMember;
import dev.gantry.control.domain.User;
import dev.gantry.control.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** {@code apps:share} and {@code apps:unshare}: the users besides its owner who may use an app. */
@ApplicationScoped
public class AppSharing {

    private final AppService apps;
    private final UserDirectory users;

    AppSharing(AppService apps, UserDirectory users) {
        this.apps = apps;
        this.users = users;
    }

    /** The users the app was shared with, by name; its owner is not among them. */
    @Transactional
    public List<String> sharedWith(String appName) {
        return AppMember.of(apps.get(appName)).stream().map(member -> member.user.name).toList();
    }

    @Transactional
    public void share(String appName, String userName) {
        App app = apps.get(appName);
        User user = users.get(userName);
        if (app.owner.id.equals(user.id) || AppMember.exists(app, user)) {
            throw new ConflictException(userName + " may already use " + appName + ". Run 'apps:info " + appName
                    + "' to see who may");
        }
        AppMember member = new AppMember();
        member.app = app;
        member.user = user;
        member.addedAt = Instant.now();
        member.persist();
    }

    @Transactional
    public void unshare(String appName, String userName) {
        App app = apps.get(appName);
        User user = users.get(userName);
        if (AppMember.delete("app = ?1 and user = ?2", app, user) == 0) {
            throw new NotFoundException(appName + " is not shared with " + userName
                    + (app.owner.id.equals(user.id) ? " (it is the owner's)" : "") + ". Run 'apps:info " + appName
                    + "' to see who may use it");
        }
    }
}
