package dev.gantry.control.command;

import dev.gantry.control.storage.StorageService;
import jakarta.inject.Singleton;

@Singleton
public class StorageCreateCommand extends NamedCommand {

    private final StorageService storage;

    StorageCreateCommand(StorageService storage) {
        super("storage:create", "APP NAME", "create a persistent volume for the app (mount it with storage:mount)");
        this.storage = storage;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String name = context.arg(1, "the storage name");
        context.expectAtMost(2);
        String volume = storage.create(app, name, context.user());
        context.out().println("=====> Created " + name + " (engine volume " + volume + "). Mount it: storage:mount "
                + app + " " + name + ":/data");
    }
}
