package dev.gantry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildpackDeclarationTest {

    private final BuildPlanner planner = new BuildPlanner();

    @ParameterizedTest
    @CsvSource({
        "https://github.com/heroku/heroku-buildpack-python.git, python",
        "https://github.com/heroku/heroku-buildpack-python#v250, python",
        "heroku/python, python",
        "heroku/java, java",
        "HTTPS://GitHub.com/heroku/heroku-buildpack-nodejs/, node",
        "git@github.com:heroku/heroku-buildpack-go.git, go",
        "https://github.com/heroku/heroku-buildpack-static, static",
        "heroku-community/static, static",
        "https://github.com/dokku/buildpack-null, procfile",
        "https://github.com/ryandotsmith/null-buildpack.git, procfile",
    })
    void aWellKnownBuildpackInDotBuildpacksChoosesItsKindEvenOverADockerfile(String buildpack, String kind) {
        BuildPlan plan = planner.plan(MapTree.of(".buildpacks", "# Dokku's multi-buildpack file\n\n" + buildpack + "\n",
                "Dockerfile", "FROM x", "Procfile", "web: run\n", "requirements.txt", "", "pom.xml", "<project/>",
                "package.json", "{}", "go.mod", "module m\n", "index.html", ""));

        assertEquals(kind, plan.kind());
        assertEquals("named in .buildpacks (" + buildpack + ")", plan.reason().substring(0, plan.reason().indexOf(";")));
    }

    @Test
    void dotBuildpackAndAppJsonNameOneToo() {
        assertEquals("named in .buildpack (heroku/python); no requirements.txt or pyproject.toml: nothing to install,"
                + " the standard library only", planner.plan(MapTree.of(".buildpack", "heroku/python\n",
                        "Procfile", "web: python3 web.py\n")).reason());
        assertEquals("node", planner.plan(MapTree.of("app.json", "{\"buildpacks\": [{\"url\": \"heroku/nodejs\"}]}",
                "package.json", "{\"scripts\": {\"start\": \"node a.js\"}}")).kind());
    }

    @Test
    void aKindSetWithBuildpacksSetWinsOverTheRepositorysDeclaration() {
        assertEquals("static", planner.plan(MapTree.of(".buildpacks", "heroku/python\n", "index.html", ""),
                Optional.of("static"), Map.of()).kind());
    }

    @Test
    void anUnknownBuildpackIsRefusedNamingTheKindsGantryHas() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class, () -> planner.plan(
                MapTree.of(".buildpacks", "https://github.com/example/buildpack-cobol.git\n", "index.html", "")));

        assertEquals(".buildpacks names the buildpack https://github.com/example/buildpack-cobol.git, which Gantry does"
                + " not have (it fetches none): name one of Heroku's java, nodejs, python, go or static buildpacks or"
                + " Dokku's null buildpack, or choose a kind with buildpacks:set (dockerfile, java, go, python, node,"
                + " static, procfile), and push again", refused.getMessage());
    }

    @Test
    void severalBuildpacksAreRefusedGantryBuildsWithOne() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class, () -> planner.plan(MapTree.of(
                "app.json", "{\"buildpacks\": [{\"url\": \"heroku/nodejs\"}, {\"url\": \"heroku/python\"}]}")));

        assertEquals("app.json names 2 buildpacks (heroku/nodejs, heroku/python), and Gantry builds with one: name the"
                + " one that builds the app (or remove app.json to let Gantry detect it), and push again",
                refused.getMessage());
    }

    @Test
    void aDeclaredKindWhoseFileIsMissingIsRefusedNamingTheFile() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> planner.plan(MapTree.of(".buildpacks", "heroku/go\n", "index.html", "")));

        assertEquals(".buildpacks names the heroku/go buildpack, but there is no go.mod at the repository root. Add"
                + " it, or name another buildpack there, and push again", refused.getMessage());
    }

    @Test
    void malformedAppJsonBuildpacksSayWhatToWrite() {
        assertEquals("app.json: buildpacks[0] has no \"url\". Write \"buildpacks\": [{\"url\": \"heroku/python\"}]"
                + " and push again", assertThrows(NoBuildPlanException.class, () -> planner.plan(
                        MapTree.of("app.json", "{\"buildpacks\": [\"heroku/python\"]}"))).getMessage());
        assertEquals("app.json is not valid JSON (Unexpected end-of-input within/between Object entries at line 1,"
                + " column 15). Fix it, or remove it, and push again",
                assertThrows(NoBuildPlanException.class, () -> planner.plan(
                        MapTree.of("app.json", "{\"buildpacks\":", "index.html", ""))).getMessage());
    }
}
