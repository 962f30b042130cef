package dev.gantry.control.command;

import dev.gantry.control.storage.StorageService;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

@Singleton
public class StorageMountCommand extends NamedCommand {

    private final StorageService storage;

    StorageMountCommand(StorageService storage) {
        super("storage:mount", "APP NAME:/path [--type TYPE]",
                "mount a volume in every process type (or one); instances started from now on get it");
        this.storage = storage;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String spec = context.arg(1, "NAME:/path");
        List<String> rest = context.args().subList(2, context.args().size());
        Optional<String> type = Optional.empty();
        if (!rest.isEmpty()) {
            if (rest.size() != 2 || !rest.get(0).equals("--type")) {
                throw context.usageError("unexpected argument '" + rest.get(0) + "'");
            }
            type = Optional.of(rest.get(1));
        }
        storage.mount(app, spec, type, context.user());
        context.out().println("=====> Mounted " + spec + type.map(t -> " in " + t).orElse("") + ". Run 'ps:restart "
                + app + "' to give it to the running instances, with no downtime");
    }
}
