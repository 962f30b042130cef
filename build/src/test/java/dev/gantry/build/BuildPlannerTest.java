package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildPlannerTest {

    private static final String PACKAGE_JSON = "{\"scripts\": {\"start\": \"node server.js\"}}";

    private final BuildPlanner planner = new BuildPlanner();

    @Test
    void aRootDockerfileIsBuiltAsIsEvenBesideAnotherKindsFiles() {
        BuildPlan plan = planner.plan(MapTree.of("Dockerfile", "FROM x", "pom.xml", "<project/>"));

        assertEquals("dockerfile", plan.kind());
        assertEquals("Dockerfile", plan.dockerfile());
        assertTrue(plan.generatedDockerfile().isEmpty());
        assertTrue(plan.stack().isEmpty());
        assertEquals("from Dockerfile", plan.describe());
    }

    @ParameterizedTest
    @CsvSource({
        "pom.xml, java, found pom.xml; Java 17",
        "go.mod, go, found go.mod",
        "requirements.txt, python, found requirements.txt",
        "pyproject.toml, python, found pyproject.toml",
        "index.html, static, found index.html",
        "public/index.html, static, found public/index.html",
    })
    void eachKindIsRecognisedByItsFileAndSaysWhich(String file, String kind, String reason) {
        String content = file.equals("go.mod") ? "module example.com/app\n" : "<project/>";
        BuildPlan plan = planner.plan(MapTree.of(file, content, "app.py", "", "main.go", "package main"));

        assertEquals(kind, plan.kind());
        assertEquals(reason, plan.reason());
        assertEquals(".gantry/Dockerfile", plan.dockerfile());
        assertEquals(Optional.of(kind), plan.stack());
        assertTrue(plan.generatedDockerfile().orElseThrow().contains("FROM gantry/stack-" + kind + ":run"));
        assertEquals("with the " + kind + " buildpack", plan.describe());
    }

    @Test
    void nodeIsRecognisedByPackageJsonAndNamesItsLockFile() {
        BuildPlan plan = planner.plan(MapTree.of("package.json", PACKAGE_JSON, "package-lock.json", "{}"));

        assertEquals("node", plan.kind());
        assertEquals("found package.json and package-lock.json", plan.reason());
    }

    @Test
    void theFirstKindInOrderWinsAndTheReasonNamesTheOthers() {
        BuildPlan plan = planner.plan(MapTree.of("package.json", PACKAGE_JSON, "pom.xml", "<project/>",
                "index.html", "hi"));

        assertEquals("java", plan.kind());
        assertEquals("found pom.xml; Java 17 (it could also be built with the node or static buildpack: buildpacks:set"
                + " chooses)", plan.reason());
    }

    @Test
    void aTreeOfNoKnownKindIsRefusedNamingEveryFileLookedFor() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of("README.md", "hi", "dockerfile", "FROM x")));

        assertEquals("no way to build this app: looked for Dockerfile, pom.xml, go.mod, requirements.txt,"
                + " pyproject.toml, package.json, index.html, public/index.html, Procfile at the repository root and found"
                + " none. Add a Dockerfile or the file of your app's kind (docs/buildpacks.md) and push again",
                refused.getMessage());
    }

    @Test
    void aChosenKindReplacesDetectionEvenOverADockerfile() {
        BuildPlan plan = planner.plan(MapTree.of("Dockerfile", "FROM x", "pom.xml", "<project/>",
                "package.json", PACKAGE_JSON), Optional.of("node"), Map.of());

        assertEquals("node", plan.kind());
        assertEquals("set with buildpacks:set; found package.json without a lock file: npm install resolves the"
                + " versions anew; commit package-lock.json for repeatable builds", plan.reason());
    }

    @Test
    void aChosenKindWithoutItsFileIsRefusedNamingTheFile() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of("index.html", "hi"), Optional.of("go"), Map.of()));

        assertEquals("this app is set to build with the go buildpack, but there is no go.mod at the repository"
                + " root. Add it, or choose another buildpack with buildpacks:set, and push again", refused.getMessage());
    }

    @Test
    void theDockerfileKindCanBeChosenToo() {
        assertEquals("dockerfile", planner.plan(MapTree.of("Dockerfile", "FROM x"), Optional.of("dockerfile"), Map.of()).kind());
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of("index.html", "hi"), Optional.of("dockerfile"), Map.of()));
        assertTrue(refused.getMessage().startsWith("this app is set to build from its Dockerfile, but there is none"),
                refused.getMessage());
    }

    @Test
    void anUnknownChosenKindIsRefusedListingTheKinds() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of("index.html", "hi"), Optional.of("ruby"), Map.of()));

        assertEquals("unknown buildpack 'ruby': use one of dockerfile, java, go, python, node, static, procfile",
                refused.getMessage());
    }

    @Test
    void aTreeHoldingTheGeneratedDockerfilesPathIsRefused() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of("index.html", "hi", ".gantry/Dockerfile", "FROM x")));

        assertTrue(refused.getMessage().startsWith("the repository has .gantry/Dockerfile, where Gantry puts the"
                + " Dockerfile it generates"), refused.getMessage());
    }

    @Test
    void generatedPlansUseTheStackImagesAnOperatorChose() {
        BuildPlanner withRegistry = new BuildPlanner(Stacks.of("gantry/base:bookworm",
                Map.of("static-run", "registry.example/static:1")));

        String dockerfile = withRegistry.plan(MapTree.of("index.html", "hi")).generatedDockerfile().orElseThrow();

        assertTrue(dockerfile.contains("FROM registry.example/static:1\n"), dockerfile);
        assertFalse(dockerfile.contains("gantry/stack-static"), dockerfile);
    }

    @Test
    void thePythonKindSetForAnAppWithoutADependencyFileInstallsNothing() {
        BuildPlan plan = planner.plan(MapTree.of("Procfile", "web: python3 web.py\n", "web.py", ""),
                Optional.of("python"), Map.of());

        assertEquals("set with buildpacks:set; no requirements.txt or pyproject.toml: nothing to install, the"
                + " standard library only", plan.reason());
        assertInOrder(plan.generatedDockerfile().orElseThrow(), "RUN python3 -m venv /venv", "COPY . ./",
                "FROM gantry/stack-python:run");
        assertEquals(-1, plan.generatedDockerfile().orElseThrow().indexOf("RUN pip"));
    }

    @Test
    void whatAnotherRecognisedKindWouldRefuseDoesNotStopTheFirstKind() {
        BuildPlan plan = planner.plan(MapTree.of("pom.xml", "<project/>", "package.json",
                "{\"packageManager\": \"yarn@4.5.0\", \"engines\": {\"node\": \"lts/*\"}}", "yarn.lock", ""));

        assertEquals("java", plan.kind());
        assertEquals("found pom.xml; Java 17 (it could also be built with the node buildpack: buildpacks:set"
                + " chooses)", plan.reason());
    }
}
