package dev.gantry.control.command;

import dev.gantry.control.formation.ScaleService;
import jakarta.inject.Singleton;

@Singleton
public class PsStopCommand extends NamedCommand {

    private final ScaleService scale;

    PsStopCommand(ScaleService scale) {
        super("ps:stop", "APP", "stop every instance for maintenance (the router answers 503) until ps:start");
        this.scale = scale;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        scale.stop(app, context.user(), context.out()::println);
        context.out().println("=====> " + app + " is stopped; its formation is kept. Run 'ps:start " + app
                + "' to bring it back");
    }
}
