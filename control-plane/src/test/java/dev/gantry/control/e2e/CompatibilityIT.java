package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Apps written the way Heroku and Dokku document them (test-apps/), pushed unchanged with the real
 * git client: each builds, answers through the router and runs its Procfile's types; what Gantry
 * cannot do is refused in one line, checked word for word. One Gantry for the class, and as few
 * Java builds as the cases allow (the first builds the Java 21 stack images).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompatibilityIT {

    private static final String JAVA = "e2e-compat-java";
    private static final String APP_JSON = "e2e-compat-appjson";
    private static final Duration LOGS_WITHIN = Duration.ofSeconds(30);

    private GantryTestbed testbed;
    private GantryUser user;
    private PushedApps apps;

    @BeforeAll
    void start() throws Exception {
        testbed = GantryTestbed.start(JAVA, Map.of());
        user = testbed.user;
        apps = testbed.apps;
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void herokusJavaLayoutBuildsWithItsWrapperOnJava21AndItsProcfileRunsFromTarget() throws Exception {
        assertTrue(user.ssh("apps:create", JAVA).ok());
        assertTrue(user.ssh("config:set", JAVA, "'MAVEN_CUSTOM_GOALS=clean package'",
                "'MAVEN_CUSTOM_OPTS=-DskipTests -Dgreeting=set-by-MAVEN_CUSTOM_OPTS'").ok());
        user.commitSample(testbed.repo, "heroku-java");

        Cli.Result push = apps.push(testbed.repo, JAVA);

        assertTrue(push.output().contains("with the java buildpack (commit ")
                && push.output().contains("; found pom.xml; Java 21 from system.properties; built with ./mvnw)"),
                push.output());
        assertTrue(push.output().contains("FROM gantry/stack-java21:build AS build"), push.output());
        assertTrue(push.output().contains("mvnw: fetching https://repo.maven.apache.org/maven2/org/apache/maven/"
                + "apache-maven/3.9.16/apache-maven-3.9.16-bin.tar.gz"), push.output());
        assertTrue(push.output().contains(" : RUN ./mvnw -B -DskipTests -Dgreeting=set-by-MAVEN_CUSTOM_OPTS clean"
                + " package"), push.output());
        assertTrue(push.output().contains("Process types: web, worker"), push.output());
        assertEquals("hello from heroku-java on Java 21: set-by-MAVEN_CUSTOM_OPTS; target/classes is here\n",
                user.get(JAVA).body());
        assertLogged(JAVA, "worker", "heroku-java worker tick ");
    }

    @Test
    @Order(2)
    void aJavaVersionGantryCannotProvideIsRefusedNamingTheOnesItCan() throws Exception {
        user.commitFile(testbed.repo, "system.properties", "java.runtime.version=11\n");

        assertRefused(testbed.repo, "system.properties asks for Java '11' (java.runtime.version), which Gantry"
                + " cannot provide: it has OpenJDK 17, 21, 25. Set java.runtime.version to one of them and push again");
        assertEquals("hello from heroku-java on Java 21: set-by-MAVEN_CUSTOM_OPTS; target/classes is here\n",
                user.get(JAVA).body());
    }

    @Test
    @Order(3)
    void aPythonAppWithoutADependencyFileRunsOnTheStandardLibraryOnceSetToPython() throws Exception {
        String app = "e2e-compat-python";
        Path repo = apps.newRepository(app);
        assertTrue(user.ssh("apps:create", app).ok());
        assertTrue(user.ssh("buildpacks:set", app, "python").ok());
        user.commitSample(repo, "python-stdlib");

        Cli.Result push = apps.push(repo, app);

        assertTrue(push.output().contains("with the python buildpack (commit ")
                && push.output().contains("; set with buildpacks:set; no requirements.txt or pyproject.toml: nothing"
                        + " to install, the standard library only)"), push.output());
        assertEquals("hello from python-stdlib\n", user.get(app).body());
        assertLogged(app, "worker", "python-stdlib worker tick ");
    }

    @Test
    @Order(4)
    void aRepositoryWithOnlyAProcfileRunsItsCommandsAsTheyAreAndBuildsInfoSaysSo() throws Exception {
        String app = "e2e-compat-procfile";
        Cli.Result push = apps.pushSample(app, "procfile-only");

        assertTrue(push.output().contains("with the procfile buildpack (commit "), push.output());
        assertEquals("hello from procfile-only\n", user.get(app).body());
        Cli.Result info = user.ssh("builds:info", app);
        assertTrue(info.output().contains("Kind:        procfile\n"), info.output());
        assertTrue(info.output().contains("Why:         found only a Procfile: its commands run as they are on the"
                + " base image, which has no language runtime\n"), info.output());
    }

    @Test
    @Order(5)
    void aWellKnownBuildpackNamedInDotBuildpacksChoosesItsKindWithoutBuildpacksSet() throws Exception {
        String app = "e2e-compat-buildpacks";
        Path repo = apps.newRepository(app);
        user.commitFile(repo, ".buildpacks", "https://github.com/heroku/heroku-buildpack-python.git\n");
        user.commitSample(repo, "python-stdlib");

        Cli.Result push = apps.push(repo, app);

        assertTrue(push.output().contains("with the python buildpack (commit ") && push.output().contains("; named in"
                + " .buildpacks (https://github.com/heroku/heroku-buildpack-python.git); no requirements.txt or"
                + " pyproject.toml: nothing to install, the standard library only)"), push.output());
        assertEquals("hello from python-stdlib\n", user.get(app).body());
    }

    @Test
    @Order(6)
    void aBuildpackGantryDoesNotHaveIsRefusedInOneLineNamingTheKindsItHas() throws Exception {
        String app = "e2e-compat-buildpacks";
        Path repo = testbed.work.resolve(app);
        user.commitFile(repo, ".buildpacks", "https://github.com/example/buildpack-cobol\n");

        assertRefused(repo, ".buildpacks names the buildpack https://github.com/example/buildpack-cobol, which Gantry"
                + " does not have (it fetches none): name one of Heroku's java, nodejs, python, go or static buildpacks"
                + " or Dokku's null buildpack, or choose a kind with buildpacks:set (dockerfile, java, go, python, node,"
                + " static, procfile), and push again");
        assertEquals("hello from python-stdlib\n", user.get(app).body());
    }

    @Test
    @Order(7)
    void dokkusAppJsonChoosesTheBuildpackSetsTheFirstFormationRunsTheDeployTasksAndChecksTheContent()
            throws Exception {
        Cli.Result push = apps.pushSample(APP_JSON, "dokku-app-json");

        String output = push.output();
        assertTrue(output.contains("; named in app.json (heroku/python); no requirements.txt"), output);
        assertTrue(output.contains("-----> Formation from app.json (first deploy): web=2 worker=0"), output);
        assertTrue(output.contains("GET /health below 500 with 'ready' in the body"), output);
        assertInOrder(output, "-----> Running the predeploy script of v1: python3 tasks.py predeploy",
                "predeploy task of " + APP_JSON + " v1", "-----> Routed ",
                "-----> Running the postdeploy script of v1: python3 tasks.py postdeploy",
                "postdeploy task of " + APP_JSON + " v1");
        assertTrue(output.contains("-----> Cron jobs: 1 on their schedules ('cron:list " + APP_JSON + "' shows them)"),
                output);
        assertTrue(user.ssh("ps", APP_JSON).output().contains("=== " + APP_JSON + ": web=2 worker=0"));
        assertEquals("hello from dokku-app-json\n", user.get(APP_JSON).body());
    }

    @Test
    @Order(8)
    void aBodyWithoutTheHealthChecksContentFailsThePushAndTheFormationIsNotAppliedAgain() throws Exception {
        Path repo = testbed.work.resolve(APP_JSON);
        assertTrue(user.ssh("ps:scale", APP_JSON, "web=1").ok());
        String appJson = Files.readString(repo.resolve("app.json"));
        user.commitFile(repo, "app.json", appJson.replace("\"content\": \"ready\"", "\"content\": \"all systems go\""));

        Cli.Result push = user.git(repo, "push", "paas", "main");

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("/health failed: no healthy answer within ")
                && push.output().contains("(last seen: status 200 without 'all systems go' in the body)"),
                push.output());
        assertFalse(push.output().contains("Formation from app.json"), push.output());
        assertEquals("hello from dokku-app-json\n", user.get(APP_JSON).body());
        assertTrue(user.ssh("ps", APP_JSON).output().contains("=== " + APP_JSON + ": web=1 worker=0"));
    }

    @Test
    @Order(9)
    void anAppJsonFormationNamingAnUndeclaredTypeIsRefusedBeforeTheBuild() throws Exception {
        Path repo = testbed.work.resolve(APP_JSON);
        user.commitFile(repo, "app.json", "{\"formation\": {\"clock\": {\"quantity\": 1}}}\n");

        assertRefused(repo, "app.json: formation names 'clock', which is not a process type of this push (its types:"
                + " web, worker). Declare it in the Procfile, or remove it from the formation, and push again");
    }

    @Test
    @Order(10)
    void theCronJobsOfAppJsonAreListedRunOnTheirScheduleAndOnDemandWithTheirOutputInLogs() throws Exception {
        Cli.Result list = user.ssh("cron:list", APP_JSON);
        assertTrue(list.ok(), list.output());
        Matcher job = Pattern.compile("(?m)^([0-9a-f]{8})  \\* \\* \\* \\* \\*\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:00 UTC)"
                + "\\s+(-|0|running)\\s+python3 tasks.py cron\\r?$").matcher(list.output());
        assertTrue(list.output().startsWith("=== " + APP_JSON + " cron jobs (times in UTC)\n") && job.find(),
                list.output());
        String id = job.group(1);

        Cli.Result now = user.ssh("cron:run", APP_JSON, id);

        assertTrue(now.ok(), now.output());
        assertEquals("cron task of " + APP_JSON + " v1\n", now.output());
        // Every minute, as the schedule says (the test waits for the next one).
        assertLogged(APP_JSON, "cron", "cron." + id + ": cron task of " + APP_JSON + " v1", Duration.ofSeconds(75),
                2);
        assertTrue(Pattern.compile("(?m)^" + id + " .*\\s0\\s+python3 tasks.py cron\\r?$")
                .matcher(user.ssh("cron:list", APP_JSON).output()).find());
        Cli.Result unknown = user.ssh("cron:run", APP_JSON, "00000000");
        assertFalse(unknown.ok());
        assertTrue(unknown.output().contains(APP_JSON + " has no cron job 00000000. Run 'cron:list " + APP_JSON
                + "' to list them"), unknown.output());
    }

    @Test
    @Order(11)
    void anInvalidCronScheduleRefusesThePushInOneLine() throws Exception {
        Path repo = testbed.work.resolve(APP_JSON);
        user.commitFile(repo, "app.json", "{\"cron\": [{\"command\": \"python3 tasks.py cron\", \"schedule\":"
                + " \"0 25 * * *\"}]}\n");

        assertRefused(repo, "app.json: cron[0]: '0 25 * * *' is not a cron schedule: the hour '25' is not 0-23. Write"
                + " five fields (minute hour day-of-month month day-of-week) such as \"0 5 * * *\", or @daily, and"
                + " push again");
    }

    @Test
    @Order(12)
    void herokusNodeLayoutWithPnpmRunsOnTheNodeEnginesAsksForFromTheNpmRegistry() throws Exception {
        String app = "e2e-compat-pnpm";
        Cli.Result push = apps.pushSample(app, "heroku-node-pnpm");

        assertTrue(push.output().contains("with the node buildpack (commit ") && push.output().contains("; found"
                + " package.json and pnpm-lock.yaml; Node.js 22.x from the npm registry for engines.node)"),
                push.output());
        assertEquals("hello from heroku-node-pnpm on Node.js 22; built by heroku-postbuild on Node.js 22; a day is"
                + " 86400000 ms\n", user.get(app).body());
    }

    @Test
    @Order(13)
    void herokusNodeLayoutWithYarnBuildsOnDebiansNodeWhenEnginesAllowsIt() throws Exception {
        String app = "e2e-compat-yarn";
        Cli.Result push = apps.pushSample(app, "heroku-node-yarn");

        assertTrue(push.output().contains("; found package.json and yarn.lock; Node.js 18.20.4 for engines.node"
                + " '18.x')"), push.output());
        assertEquals("hello from heroku-node-yarn on Node.js 18; built by the build script on Node.js 18; a day is"
                + " 86400000 ms\n", user.get(app).body());

        Path repo = testbed.work.resolve(app);
        String packageJson = Files.readString(repo.resolve("package.json"));
        user.commitFile(repo, "package.json", packageJson.replace("\"18.x\"", "\"lts/*\""));
        assertRefused(repo, "package.json: engines.node 'lts/*' is not a version range ('lts/*' is not a version)."
                + " Write it as npm does, e.g. \"22.x\" or \">=20\", and push again");
    }

    @Test
    @Order(14)
    void pythonVersionChoosesPython313AndAVersionGantryLacksIsRefused() throws Exception {
        String app = "e2e-compat-python313";
        Cli.Result push = apps.pushSample(app, "heroku-python313");

        assertTrue(push.output().contains("; found requirements.txt; Python 3.13 from .python-version)"),
                push.output());
        assertEquals("hello from heroku-python313 on Python 3.13\n", user.get(app).body());

        Path repo = testbed.work.resolve(app);
        user.commitFile(repo, ".python-version", "3.12\n");
        assertRefused(repo, ".python-version asks for Python '3.12', which Gantry cannot provide: it has Python 3.11,"
                + " 3.13. Write one of them there and push again");
    }

    @Test
    @Order(15)
    void herokuYmlBuildDockerChoosesTheDockerfileAndOneImagePerTypeIsRefused() throws Exception {
        String app = "e2e-compat-herokuyml";
        Cli.Result push = apps.pushSample(app, "heroku-yml");

        assertTrue(push.output().contains("-----> Building " + app + " from Dockerfile.web (commit ")
                && push.output().contains("; named in heroku.yml (build.docker))"), push.output());
        assertEquals("hello from heroku-yml\n", user.get(app).body());

        Path repo = testbed.work.resolve(app);
        user.commitFile(repo, "heroku.yml",
                "build:\n  docker:\n    web: Dockerfile.web\n    worker: worker/Dockerfile\n");
        assertRefused(repo, "heroku.yml builds an image per process type (web: Dockerfile.web, worker:"
                + " worker/Dockerfile), and Gantry builds one image for all of them: name one Dockerfile for every"
                + " type and push again");
    }

    /** The push is refused with exactly this one line, as git shows it: after "!" and as the rejection's reason. */
    private void assertRefused(Path repo, String message) {
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("remote:  !     " + message)
                && push.output().contains(" ! [remote rejected] main -> main (" + message + ")\n"), push.output());
    }

    /** Fails unless the texts occur in this order. */
    private static void assertInOrder(String output, String... texts) {
        int from = 0;
        for (String text : texts) {
            int at = output.indexOf(text, from);
            assertTrue(at >= 0, "expected '" + text + "' after position " + from + " in:\n" + output);
            from = at + text.length();
        }
    }

    /** Waits for a line of the process type's output in {@code logs}: the type runs. */
    private void assertLogged(String app, String type, String text) throws InterruptedException {
        assertLogged(app, type, text, LOGS_WITHIN, 1);
    }

    private void assertLogged(String app, String type, String text, Duration within, int times)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        String logs = "";
        while (Instant.now().isBefore(giveUp)) {
            logs = user.ssh("logs", app, "--type", type).output();
            if (Pattern.compile(Pattern.quote(text)).matcher(logs).results().count() >= times) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(times + " times '" + text + "' from " + type + " of " + app + " expected within "
                + within + ":\n" + logs);
    }
}
