package dev.gantry.control.command;

import dev.gantry.control.build.StackImageStatus;
import dev.gantry.control.build.StackImages;
import jakarta.inject.Singleton;

@Singleton
public class StacksListCommand extends NamedCommand implements ReadOnlyCommand {

    private final StackImages stackImages;

    StacksListCommand(StackImages stackImages) {
        super("stacks:list", "",
                "list the stack images apps without a Dockerfile build and run on, and their state");
        this.stackImages = stackImages;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        context.out().println("=== Stack images (built from " + stackImages.baseImage() + " and Debian packages)");
        for (StackImageStatus status : stackImages.statuses()) {
            context.out().printf("%-13s %-26s %s%n", status.id(), status.image(), status.state().description());
        }
    }
}
