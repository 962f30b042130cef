package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcfileBuildpackTest {

    private final BuildPlanner planner = new BuildPlanner();

    @Test
    void aTreeWhoseOnlyRecognisableFileIsAProcfileRunsItsCommandsOnTheBaseImage() {
        BuildPlan plan = planner.plan(MapTree.of("Procfile", "web: busybox httpd -f -p $PORT\n", "index.txt", "hi"));

        assertEquals("procfile", plan.kind());
        assertEquals(Optional.of("procfile"), plan.stack());
        assertEquals("found only a Procfile: its commands run as they are on the base image, which has no language"
                + " runtime", plan.reason());
        assertInOrder(plan.generatedDockerfile().orElseThrow(), "FROM gantry/stack-procfile:run", "WORKDIR /app",
                "USER 1000:1000", "# No CMD: the Procfile's web process starts the app",
                "COPY --chown=1000:1000 . /app");
    }

    @Test
    void anyOtherKindsFileWinsOverTheProcfile() {
        assertEquals("python", planner.plan(MapTree.of("Procfile", "web: python3 web.py\n",
                "requirements.txt", "")).kind());
    }

    @Test
    void aProcfileWithoutWebIsRefusedSayingWhatToAdd() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of("Procfile", "worker: ./work\n")));

        assertEquals("the Procfile declares no web process: add a line such as 'web: busybox httpd -f -p $PORT -h"
                + " public' and push again", refused.getMessage());
    }
}
