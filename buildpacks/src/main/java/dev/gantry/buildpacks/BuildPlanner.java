package dev.gantry.buildpacks;

import java.util.List;
import java.util.Set;

/** Chooses a {@link BuildPlan} from the names at the root of a pushed tree. */
public final class BuildPlanner {

    static final String DOCKERFILE = "Dockerfile";

    /** Every file a plan can start from, in the order they are tried; shown when none is found. */
    static final List<String> LOOKED_FOR = List.of(DOCKERFILE);

    public BuildPlan plan(Set<String> rootNames) {
        if (rootNames.contains(DOCKERFILE)) {
            return new BuildPlan("dockerfile", "found " + DOCKERFILE + " at the repository root", DOCKERFILE);
        }
        throw new NoBuildPlanException("no way to build this app: looked for " + String.join(", ", LOOKED_FOR)
                + " at the repository root and found none. Add a Dockerfile (e.g. FROM gantry/base:bookworm) and push again");
    }
}
