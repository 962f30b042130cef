package dev.gantry.control.command;

import dev.gantry.control.gc.GarbageCollector;
import jakarta.inject.Singleton;

@Singleton
public class SystemPruneCommand extends AdminCommand {

    private final GarbageCollector collector;

    SystemPruneCommand(GarbageCollector collector) {
        super("system:prune", "", "remove exited containers, release images beyond retention and build"
                + " leftovers now (it also runs every hour)");
        this.collector = collector;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        GarbageCollector.Removed removed = collector.collect();
        removed.containers().forEach(name -> context.out().println("Removed container " + name));
        removed.images().forEach(id -> context.out().println("Removed image " + id));
        context.out().printf("=====> Removed %d container(s) and %d image(s)%n", removed.containers().size(),
                removed.images().size());
    }
}
