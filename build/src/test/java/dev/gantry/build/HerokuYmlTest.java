package dev.gantry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HerokuYmlTest {

    private final BuildPlanner planner = new BuildPlanner();

    @Test
    void buildDockerNamesTheDockerfileToBuildEvenBesideARootDockerfile() {
        BuildPlan plan = planner.plan(MapTree.of("heroku.yml", "build:\n  docker:\n    web: Dockerfile.web\n"
                + "run:\n  web: ./server\n", "Dockerfile.web", "FROM x", "Dockerfile", "FROM y", "package.json", "{}"));

        assertEquals("dockerfile", plan.kind());
        assertEquals("Dockerfile.web", plan.dockerfile());
        assertEquals("named in heroku.yml (build.docker)", plan.reason());
        assertEquals(Optional.empty(), plan.generatedDockerfile());
    }

    @Test
    void withoutABuildDockerSectionDetectionGoesOn() {
        assertEquals("static", planner.plan(MapTree.of("heroku.yml", "setup:\n  addons: []\n", "index.html", ""))
                .kind());
    }

    @Test
    void severalImagesADockerfileInASubdirectoryOrAMissingOneAreRefused() {
        assertEquals("heroku.yml builds an image per process type (web: Dockerfile, worker: worker/Dockerfile), and"
                + " Gantry builds one image for all of them: name one Dockerfile for every type and push again",
                refusal("build:\n  docker:\n    web: Dockerfile\n    worker: worker/Dockerfile\n"));
        assertEquals("heroku.yml builds from app/Dockerfile, with its directory as the build context, and Gantry"
                + " builds from the repository root: move it there (or name a root Dockerfile), and push again",
                refusal("build:\n  docker:\n    web: app/Dockerfile\n"));
        assertEquals("heroku.yml builds from Dockerfile.prod, which is not at the repository root. Add it, or fix the"
                + " name in heroku.yml, and push again", refusal("build:\n  docker:\n    web: Dockerfile.prod\n"));
    }

    private String refusal(String herokuYml) {
        return assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of("heroku.yml", herokuYml, "Dockerfile", "FROM x"))).getMessage();
    }
}
