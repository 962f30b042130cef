package dev.gantry.control.build;

import dev.gantry.build.BuildPlanner;
import dev.gantry.build.Stacks;
import dev.gantry.control.Assignments;
import dev.gantry.control.InvalidInputException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The stack images as the operator configured them, and the build planner that writes Dockerfiles on them. */
@ApplicationScoped
public class StacksProducer {

    /** Made at start, so a mistyped image override stops Gantry at once instead of failing a later push. */
    @Produces
    @Singleton
    @Startup
    Stacks stacks(StackSettings settings) {
        try {
            return Stacks.of(settings.baseImage(), Assignments.parse(settings.images().orElse(List.of()),
                    "java-build=registry.example/maven:3-jdk17"));
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new IllegalStateException("gantry.stacks.images (GANTRY_STACKS_IMAGES): " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    BuildPlanner planner(Stacks stacks) {
        return new BuildPlanner(stacks);
    }
}
