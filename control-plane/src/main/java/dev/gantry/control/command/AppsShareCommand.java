package dev.gantry.control.command;

import dev.gantry.control.apps.AppSharing;
import jakarta.inject.Singleton;

@Singleton
public class AppsShareCommand extends AppSharingCommand {

    AppsShareCommand(AppSharing sharing) {
        super(sharing, true, "apps:share", "let USER use APP as its owner does, but not share or destroy it");
    }
}
