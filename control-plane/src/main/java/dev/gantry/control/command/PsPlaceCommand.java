package dev.gantry.control.command;

import dev.gantry.control.cluster.HostLabels;
import dev.gantry.control.cluster.PlacementService;
import jakarta.inject.Singleton;

@Singleton
public class PsPlaceCommand extends NamedCommand {

    private final PlacementService placement;

    PsPlaceCommand(PlacementService placement) {
        super("ps:place", "APP TYPE key=value...   (default: any host)",
                "run a process type only on hosts with these labels; running instances move, with no dropped request");
        this.placement = placement;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String type = context.arg(1, "the process type");
        PlacementService.Placed placed = placement.place(app, type, context.args().subList(2, context.args().size()),
                context.user(), context.out()::println);
        context.out().println("=====> " + app + " " + type + " runs on " + (placed.labels().isEmpty() ? "any host"
                : "hosts with " + HostLabels.describe(placed.labels()))
                + "; " + placed.moved() + " instance(s) moved");
    }
}
