package dev.gantry.control.command;

import dev.gantry.control.build.StackImages;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class StacksRebuildCommand extends AdminCommand {

    private final StackImages stackImages;

    StacksRebuildCommand(StackImages stackImages) {
        super("stacks:rebuild", "[STACK]",
                "build the stack images anew with today's Debian packages; apps get them on their next push");
        this.stackImages = stackImages;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(1);
        Optional<String> stack = context.args().isEmpty() ? Optional.empty() : Optional.of(context.arg(0, "the stack"));
        if (stack.isPresent() && !stackImages.names().contains(stack.get())) {
            throw context.usageError("unknown stack '" + stack.get() + "': use one of "
                    + String.join(", ", stackImages.names()));
        }
        stackImages.rebuild(stack, line -> {
            context.out().println(line);
            context.out().flush();
        });
        context.out().println("Rebuilt. Apps run on the new images from their next push");
    }
}
