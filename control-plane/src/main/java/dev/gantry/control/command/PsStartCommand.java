package dev.gantry.control.command;

import dev.gantry.control.formation.ScaleService;
import jakarta.inject.Singleton;
import java.util.Map;

@Singleton
public class PsStartCommand extends NamedCommand {

    private final ScaleService scale;

    PsStartCommand(ScaleService scale) {
        super("ps:start", "APP", "start an app stopped with ps:stop, at its formation");
        this.scale = scale;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        Map<String, Integer> formation = scale.start(app, context.user(), context.out()::println);
        context.out().println("=====> " + app + " runs " + ScaleService.describe(formation));
    }
}
