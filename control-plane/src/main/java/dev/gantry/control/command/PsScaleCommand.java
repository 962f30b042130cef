package dev.gantry.control.command;

import dev.gantry.control.Assignments;
import dev.gantry.control.formation.ScaleService;
import jakarta.inject.Singleton;
import java.util.Map;

@Singleton
public class PsScaleCommand extends NamedCommand {

    private final ScaleService scale;

    PsScaleCommand(ScaleService scale) {
        super("ps:scale", "APP TYPE=N [TYPE2=N ...]",
                "set how many instances of each process type run (web joins the route when healthy)");
        this.scale = scale;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        Map<String, Integer> counts = ScaleService.parseCounts(
                Assignments.parse(context.args().subList(1, context.args().size()), "web=2 worker=1"));
        Map<String, Integer> formation = scale.scale(app, counts, context.user(), context.out()::println);
        context.out().println("=====> " + app + " runs " + ScaleService.describe(formation));
    }
}
