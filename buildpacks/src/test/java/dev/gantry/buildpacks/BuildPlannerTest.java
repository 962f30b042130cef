package dev.gantry.buildpacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildPlannerTest {

    private final BuildPlanner planner = new BuildPlanner();

    @Test
    void aRootDockerfileIsBuiltAsIs() {
        BuildPlan plan = planner.plan(Set.of("Dockerfile", "index.html"));

        assertEquals("dockerfile", plan.kind());
        assertEquals("Dockerfile", plan.dockerfile());
    }

    @Test
    void aTreeWithoutDockerfileIsRefusedNamingTheFilesLookedFor() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(Set.of("README.md", "dockerfile")));

        assertTrue(refused.getMessage().contains("looked for Dockerfile"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Add a Dockerfile"), refused.getMessage());
    }
}
