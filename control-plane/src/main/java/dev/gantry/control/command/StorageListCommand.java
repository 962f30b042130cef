package dev.gantry.control.command;

import dev.gantry.control.storage.StorageService;
import jakarta.inject.Singleton;

@Singleton
public class StorageListCommand extends NamedCommand implements ReadOnlyCommand {

    private final StorageService storage;

    StorageListCommand(StorageService storage) {
        super("storage:list", "APP", "list the app's volumes and where they are mounted");
        this.storage = storage;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        context.out().println("=== " + app + " storage");
        storage.list(app).forEach(view -> context.out().printf("%-16s %-36s %s%n", view.name(), view.volume(),
                view.mounts().isEmpty() ? "not mounted" : String.join(", ", view.mounts())));
    }
}
