package dev.gantry.control.command;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.storage.StorageService;
import jakarta.inject.Singleton;

@Singleton
public class StorageDestroyCommand extends NamedCommand {

    private final StorageService storage;

    StorageDestroyCommand(StorageService storage) {
        super("storage:destroy", "APP NAME --force", "delete an unmounted volume and its data for good");
        this.storage = storage;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String name = context.arg(1, "the storage name");
        if (!context.flag("--force")) {
            throw new InvalidInputException("destroying " + name + " deletes its data for good. Run again with --force:"
                    + " storage:destroy " + app + " " + name + " --force");
        }
        storage.destroy(app, name, context.user());
        context.out().println("=====> Destroyed " + name + " and its data");
    }
}
