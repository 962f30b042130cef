package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Apps without a Dockerfile, pushed as users push them: each sample of test-apps/ is detected,
 * built on the stack images and answers through the router; a second push with the same
 * dependencies reuses their layer; bad input is refused with what to change and leaves the running
 * release serving. The stack images are built by the first push that needs them and stay on the
 * node for later runs (a cold node spends about two minutes on them, the Java ones first).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuildpacksIT {

    private static final String BASE_IMAGE = "gantry/base:bookworm";
    private static final String JAVA = "e2e-bp-java";

    private GantryTestbed testbed;
    private GantryUser user;
    private PushedApps apps;

    @BeforeAll
    void start() throws Exception {
        // Builds' leftovers are collected at once, so a test can check that the build cache is no leftover.
        testbed = GantryTestbed.start(JAVA, Map.of("GANTRY_GC_BUILD_LEFTOVER_AGE", "1s"));
        user = testbed.user;
        apps = testbed.apps;
        assertTrue(testbed.engine.hasImage(BASE_IMAGE), BASE_IMAGE + " is missing: ./gantry up builds it");
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void aMavenAppIsBuiltWithTheJavaBuildpackAndAnswers() throws Exception {
        user.commitSample(testbed.repo, "java-maven");

        Cli.Result push = apps.push(testbed.repo, JAVA);

        assertTrue(push.output().contains("-----> Building " + JAVA + " with the java buildpack (commit "), push.output());
        assertTrue(push.output().contains("; found pom.xml; Java 17)"), push.output());
        assertEquals("Hello from java-maven\n", user.get(JAVA).body());
    }

    @Test
    @Order(2)
    void aSecondPushWithTheSamePomReusesTheDependencyLayerAndDownloadsNothing() throws Exception {
        user.commitFile(testbed.repo, "README.md", "A change that leaves pom.xml alone\n");

        Cli.Result push = apps.push(testbed.repo, JAVA);

        assertReused(push, "RUN mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline");
        assertFalse(push.output().contains("Downloaded from"), push.output());
        assertEquals("Hello from java-maven\n", user.get(JAVA).body());
    }

    @Test
    @Order(3)
    void aCompileErrorShowsTheCompilersMessageAndTheRunningReleaseKeepsServing() throws Exception {
        user.commitFile(testbed.repo, "src/main/java/dev/gantry/testapps/Broken.java",
                "package dev.gantry.testapps;\nclass Broken { int x = undefinedName; }\n");

        Cli.Result push = user.git(testbed.repo, "push", "paas", "main");

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("Broken.java:[2,24] cannot find symbol"), push.output());
        assertTrue(push.output().contains("build failed: 'mvn -B -DskipTests package' failed with exit code 1."
                + " Fix the app (the build output above shows the error) and push again; the running release is"
                + " unchanged"), push.output());
        assertEquals("Hello from java-maven\n", user.get(JAVA).body());
        Cli.Result info = user.ssh("builds:info", JAVA);
        assertTrue(info.output().startsWith("=== " + JAVA + " build #") && info.output().contains(" (failed)"),
                info.output());
        assertTrue(info.output().contains("Failure:     'mvn -B -DskipTests package' failed with exit code 1"),
                info.output());
        assertTrue(info.output().contains("Releases:    none"), info.output());
    }

    @Test
    @Order(4)
    void aNodeAppBuildsWithItsDevDependenciesRunsWithoutThemAndReusesItsModulesAfterAGarbageCollection() throws Exception {
        Path repo = sampleRepository("e2e-bp-node", "node");

        Cli.Result first = apps.push(repo, "e2e-bp-node");
        assertTrue(first.output().contains("found package.json and package-lock.json"), first.output());
        assertTrue(first.output().contains(" : RUN npm run build"), first.output());
        // The server answers with what the build script wrote, so the build ran (now or in a cached layer).
        assertEquals("hello from node\n", user.get("e2e-bp-node").body());
        // The build script minified the page's script with terser, a dev dependency...
        String script = user.get("e2e-bp-node", "/app.js").body();
        assertTrue(script.contains("document.body.textContent") && !script.contains("visitorName")
                && !script.contains("//"), script);
        // ...which the run image does not hold; the production dependency is there.
        Cli.Result modules = user.ssh("run", "e2e-bp-node", "--", "ls", "node_modules");
        assertTrue(modules.ok() && modules.output().contains("express") && !modules.output().contains("terser"),
                modules.output());

        // The garbage collector removes what failed builds leave; the last build's stages must survive it.
        Thread.sleep(1500);
        Cli.Result prune = user.ssh("system:prune");
        assertTrue(prune.ok(), prune.output());
        user.commitFile(repo, "README.md", "A change that leaves package.json alone\n");
        Cli.Result second = apps.push(repo, "e2e-bp-node");
        assertReused(second, "RUN npm ci --omit=dev && mkdir -p node_modules");
        assertReused(second, "RUN npm ci");
        // The image's modules are one layer, not copied again with each push.
        assertReused(second, "COPY --from=dependencies --chown=1000:1000 /app/node_modules /app/node_modules");
    }

    @Test
    @Order(5)
    void buildsInfoShowsTheDetectedKindWhyAndTheGeneratedDockerfile() {
        Cli.Result list = user.ssh("builds", "e2e-bp-node");
        assertTrue(list.ok(), list.output());
        assertTrue(Pattern.compile("(?m)^#\\d+\\s+[0-9a-f]{7}\\s+node\\s+succeeded\\s+\\d{4}-\\d\\d-\\d\\d [0-9:]+ UTC"
                + "\\s+\\d+\\.\\d s\\s+admin\\r?$").matcher(list.output()).find(), list.output());
        assertEquals(2, Pattern.compile("(?m)^#\\d+ ").matcher(list.output()).results().count(), list.output());

        Cli.Result info = user.ssh("builds:info", "e2e-bp-node");

        assertTrue(info.ok(), info.output());
        assertTrue(info.output().contains("Kind:        node"), info.output());
        assertTrue(info.output().contains("Why:         found package.json and package-lock.json"), info.output());
        assertTrue(info.output().contains("Releases:    v2"), info.output());
        assertTrue(info.output().contains("Dockerfile:  generated by the node buildpack (.gantry/Dockerfile in the"
                + " build context):"), info.output());
        assertTrue(info.output().contains("FROM gantry/stack-node:build AS "), info.output());
        assertTrue(info.output().contains("RUN npm run build"), info.output());

        Cli.Result unknown = user.ssh("builds:info", "e2e-bp-node", "99999");
        assertFalse(unknown.ok(), unknown.output());
        assertTrue(unknown.output().contains("e2e-bp-node has no build 99999. Run 'builds e2e-bp-node' to list them"),
                unknown.output());
    }

    @Test
    @Order(6)
    void thePythonGoAndStaticSamplesAnswer() throws Exception {
        for (String sample : List.of("python", "go")) {
            String app = "e2e-bp-" + sample;
            apps.push(sampleRepository(app, sample), app);
            assertEquals("hello from " + sample + "\n", user.get(app).body());
        }
        apps.push(sampleRepository("e2e-bp-static", "static"), "e2e-bp-static");

        HttpResponse<String> page = user.get("e2e-bp-static", "/");
        assertTrue(page.body().contains("<h1>hello from static</h1>"), page.body());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(page.headers().firstValue("ETag").isPresent(), page.headers().toString());
        HttpResponse<String> css = user.get("e2e-bp-static", "/style.css");
        assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"), css.headers().toString());
        assertEquals("public, max-age=3600", css.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(404, user.get("e2e-bp-static", "/.gantry/Dockerfile").statusCode());
    }

    @Test
    @Order(7)
    void appsRunAsTheUnprivilegedAppUser() {
        Cli.Result id = user.ssh("run", "e2e-bp-python", "--", "id", "-u");

        assertTrue(id.ok(), id.output());
        assertTrue(Pattern.compile("(?m)^1000\\r?$").matcher(id.output()).find(), id.output());
    }

    @Test
    @Order(8)
    void stacksListShowsTheImagesTheBuildsMade() {
        Cli.Result list = user.ssh("stacks:list");

        assertTrue(list.ok(), list.output());
        assertTrue(Pattern.compile("(?m)^java-build\\s+gantry/stack-java:build\\s+ready$").matcher(list.output()).find(),
                list.output());
        assertTrue(Pattern.compile("(?m)^static-run\\s+gantry/stack-static:run\\s+ready$").matcher(list.output()).find(),
                list.output());
    }

    @Test
    @Order(9)
    void aPackageJsonWithoutStartScriptOrProcfileIsRefusedSayingWhatToAdd() throws Exception {
        Cli.Result push = refusedPush("e2e-bp-nostart", "package.json", "{\"name\": \"nostart\"}\n");

        assertTrue(push.output().contains("package.json has no start script and there is no Procfile with a web"
                + " process: add \"start\": \"node index.js\" to the scripts in package.json"), push.output());
    }

    @Test
    @Order(10)
    void aRepositoryOfNoKnownKindIsRefusedListingWhatWasLookedFor() throws Exception {
        Cli.Result push = refusedPush("e2e-bp-unknown", "README.md", "nothing to build\n");

        assertTrue(push.output().contains("no way to build this app: looked for Dockerfile, pom.xml, go.mod,"
                + " requirements.txt, pyproject.toml, package.json, index.html, public/index.html"), push.output());
    }

    @Test
    @Order(11)
    void aBuildpackSetForTheAppReplacesDetectionUntilSetBackToAuto() throws Exception {
        String app = "e2e-bp-static";
        Path repo = testbed.work.resolve(app);
        Cli.Result unknown = user.ssh("buildpacks:set", app, "cobol");
        assertFalse(unknown.ok(), unknown.output());
        assertTrue(unknown.output().contains("'cobol' is not a build kind. Use one of dockerfile, java,"), unknown.output());

        assertTrue(user.ssh("buildpacks:set", app, "node").ok());
        user.commitFile(repo, "notes.txt", "a second commit\n");
        Cli.Result asNode = user.git(repo, "push", "paas", "main");
        assertFalse(asNode.ok(), asNode.output());
        assertTrue(asNode.output().contains("this app is set to build with the node buildpack, but there is no"
                + " package.json"), asNode.output());

        Cli.Result auto = user.ssh("buildpacks:set", app, "auto");
        assertTrue(auto.output().contains("built as detected on each push"), auto.output());
        Cli.Result detected = user.git(repo, "push", "paas", "main");
        assertTrue(detected.ok(), detected.output());
        assertTrue(detected.output().contains("with the static buildpack"), detected.output());
    }

    @Test
    @Order(12)
    void aForcedKindShowsInBuildsInfoAndTheRestApiListsAndShowsBuilds() throws Exception {
        String app = "e2e-bp-node";
        assertTrue(user.ssh("buildpacks:set", app, "node").ok());
        user.commitFile(testbed.work.resolve(app), "notes.txt", "built as set\n");
        apps.push(testbed.work.resolve(app), app);

        Cli.Result info = user.ssh("builds:info", app);
        assertTrue(info.output().contains("Why:         set with buildpacks:set; found package.json and"
                + " package-lock.json"), info.output());

        HttpResponse<String> list = testbed.api.get("/apps/" + app + "/builds");
        assertEquals(200, list.statusCode(), list.body());
        Matcher numbers = Pattern.compile("\"number\":(\\d+)").matcher(list.body());
        assertTrue(numbers.find(), list.body());
        String latest = numbers.group(1);
        assertEquals(3, Pattern.compile("\"number\":").matcher(list.body()).results().count(), list.body());
        assertTrue(list.body().contains("\"kind\":\"node\",\"status\":\"succeeded\""), list.body());

        HttpResponse<String> build = testbed.api.get("/apps/" + app + "/builds/" + latest);
        assertEquals(200, build.statusCode(), build.body());
        assertTrue(build.body().contains("\"reason\":\"set with buildpacks:set; found package.json and"
                + " package-lock.json\""), build.body());
        assertTrue(build.body().contains("\"dockerfileGenerated\":true"), build.body());
        assertTrue(build.body().contains("FROM gantry/stack-node:build AS "), build.body());
        assertTrue(build.body().contains("\"releases\":[\"v3\"]"), build.body());

        GantryApi.assertProblem(testbed.api.get("/apps/" + app + "/builds/99999"), 404,
                "e2e-bp-node has no build 99999");
        GantryApi.assertProblem(testbed.api.get("/apps/" + app + "/builds/latest"), 422,
                "'latest' is not a build number");
        GantryApi.assertProblem(testbed.api.get("/apps/e2e-bp-nothing/builds"), 404,
                "app 'e2e-bp-nothing' does not exist");
    }

    @Test
    @Order(13)
    void buildsInfoOfAnAppWithItsOwnDockerfileShowsThatDockerfile() throws Exception {
        Path repo = apps.newRepository("e2e-bp-docker");
        user.commitApp(repo, "hello from a Dockerfile", "CMD httpd -f -p $PORT -h /www");
        apps.push(repo, "e2e-bp-docker");

        Cli.Result info = user.ssh("builds:info", "e2e-bp-docker");

        assertTrue(info.output().contains("Kind:        dockerfile"), info.output());
        assertTrue(info.output().contains("Why:         found Dockerfile at the repository root"), info.output());
        assertTrue(info.output().contains("Dockerfile:  the repository's own:\nFROM gantry-test/busybox:latest\n"
                + "COPY index.html /www/index.html\n"), info.output());
    }

    @Test
    @Order(14)
    void stacksRebuildBuildsAStackAnewShowingProgressAndPushesBuildOnTheNewImage() throws Exception {
        String before = imageId("gantry/stack-static:run");

        Cli.Result rebuild = user.ssh("stacks:rebuild", "static");

        assertTrue(rebuild.ok(), rebuild.output());
        assertTrue(rebuild.output().contains("-----> Building the stack image gantry/stack-static:run (rebuild),"
                + " from Debian packages"), rebuild.output());
        assertTrue(rebuild.output().contains("-----> Built gantry/stack-static:run in "), rebuild.output());
        String after = imageId("gantry/stack-static:run");
        assertNotEquals(before, after, "the stack image is a new one");
        assertTrue(Pattern.compile("(?m)^static-run\\s+gantry/stack-static:run\\s+ready$")
                .matcher(user.ssh("stacks:list").output()).find());

        Cli.Result push = apps.push(sampleRepository("e2e-bp-restacked", "static"), "e2e-bp-restacked");
        assertFalse(push.output().contains("Building the stack image"), push.output());
        assertTrue(user.get("e2e-bp-restacked", "/").body().contains("<h1>hello from static</h1>"));
        Matcher built = Pattern.compile("-----> Built (gantry/e2e-bp-restacked:build-\\d+) in").matcher(push.output());
        assertTrue(built.find(), push.output());
        Cli.Result parent = Cli.run(testbed.work, Map.of(), List.of("docker", "image", "history", "-q", built.group(1)));
        assertTrue(parent.output().contains(after.substring("sha256:".length(), "sha256:".length() + 12)),
                "built on the rebuilt run image:\n" + parent.output());
    }

    private String imageId(String tag) {
        Cli.Result inspect = Cli.run(testbed.work, Map.of(), List.of("docker", "image", "inspect", "-f", "{{.Id}}", tag));
        assertTrue(inspect.ok(), inspect.output());
        return inspect.output().trim();
    }

    /** Pushes a new app made of one file and expects the push to be refused. */
    private Cli.Result refusedPush(String app, String file, String content) throws Exception {
        Path repo = apps.newRepository(app);
        user.commitFile(repo, file, content);
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertFalse(push.ok(), push.output());
        return push;
    }

    private Path sampleRepository(String app, String sample) throws Exception {
        Path repo = apps.newRepository(app);
        user.commitSample(repo, sample);
        return repo;
    }

    /** The build step's line is followed by the engine's "Using cache": its layer was reused. */
    private static void assertReused(Cli.Result push, String step) {
        assertTrue(push.ok(), push.output());
        assertTrue(Pattern.compile("Step \\d+/\\d+ : " + Pattern.quote(step) + "\\s*\\n[^\\n]*---> Using cache")
                .matcher(push.output()).find(), "expected '" + step + "' from the cache:\n" + push.output());
    }
}
