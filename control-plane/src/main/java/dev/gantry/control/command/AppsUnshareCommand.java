package dev.gantry.control.command;

import dev.gantry.control.apps.AppSharing;
import jakarta.inject.Singleton;

@Singleton
public class AppsUnshareCommand extends AppSharingCommand {

    AppsUnshareCommand(AppSharing sharing) {
        super(sharing, false, "apps:unshare", "stop USER from using APP, at once");
    }
}
