package dev.gantry.control.command;

import dev.gantry.control.storage.StorageService;
import jakarta.inject.Singleton;

@Singleton
public class StorageUnmountCommand extends NamedCommand {

    private final StorageService storage;

    StorageUnmountCommand(StorageService storage) {
        super("storage:unmount", "APP NAME:/path", "stop mounting a volume (its data is kept)");
        this.storage = storage;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String spec = context.arg(1, "NAME:/path");
        context.expectAtMost(2);
        storage.unmount(app, spec, context.user());
        context.out().println("=====> Unmounted " + spec + "; the data is kept. 'ps:restart " + app
                + "' applies it to the running instances");
    }
}
