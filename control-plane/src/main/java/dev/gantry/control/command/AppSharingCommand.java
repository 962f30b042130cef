package dev.gantry.control.command;

import dev.gantry.control.apps.AppSharing;
import dev.gantry.control.users.Permission;

/** {@code apps:share} and {@code apps:unshare}: the same command the other way round; the owner's or an admin's. */
abstract class AppSharingCommand extends NamedCommand {

    private final AppSharing sharing;
    private final boolean share;

    AppSharingCommand(AppSharing sharing, boolean share, String name, String summary) {
        super(name, "APP USER", summary);
        this.sharing = sharing;
        this.share = share;
    }

    @Override
    public Permission permission() {
        return Permission.APP_OWNER;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String user = context.arg(1, "the user name");
        context.expectAtMost(2);
        if (share) {
            sharing.share(app, user);
            context.out().println("Shared " + app + " with " + user);
        } else {
            sharing.unshare(app, user);
            context.out().println("Stopped sharing " + app + " with " + user + "; it cannot use the app any more");
        }
    }
}
