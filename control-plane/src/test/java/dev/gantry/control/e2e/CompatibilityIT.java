package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final Duration LOGS_WITHIN = Duration.ofSeconds(30);

    private GantryTestbed testbed;
    private GantryUser user;
    private final List<String> apps = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        testbed = GantryTestbed.start(JAVA, Map.of());
        user = testbed.user;
    }

    @AfterAll
    void cleanUp() throws Exception {
        for (String app : apps) {
            user.gantryCli("apps:destroy", app, "--force");
        }
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

        Cli.Result push = push(testbed.repo, JAVA);

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
        Path repo = newRepository(app);
        assertTrue(user.ssh("apps:create", app).ok());
        assertTrue(user.ssh("buildpacks:set", app, "python").ok());
        user.commitSample(repo, "python-stdlib");

        Cli.Result push = push(repo, app);

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
        Path repo = newRepository(app);
        user.commitSample(repo, "procfile-only");

        Cli.Result push = push(repo, app);

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
        Path repo = newRepository(app);
        user.commitFile(repo, ".buildpacks", "https://github.com/heroku/heroku-buildpack-python.git\n");
        user.commitSample(repo, "python-stdlib");

        Cli.Result push = push(repo, app);

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

    private Path newRepository(String app) throws Exception {
        apps.add(app);
        return user.newRepository(app);
    }

    /** Pushes and expects success; the old instances of a redeploy stop at once, so the test moves on. */
    private Cli.Result push(Path repo, String app) {
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertTrue(push.ok(), push.output());
        assertTrue(user.ssh("deploy:set", app, "watch=0s", "drain-timeout=1s", "stop-grace=1s").ok());
        return push;
    }

    /** The push is refused with exactly this one line, as git shows it: after "!" and as the rejection's reason. */
    private void assertRefused(Path repo, String message) {
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("remote:  !     " + message)
                && push.output().contains(" ! [remote rejected] main -> main (" + message + ")\n"), push.output());
    }

    /** Waits for a line of the process type's output in {@code logs}: the type runs. */
    private void assertLogged(String app, String type, String text) throws InterruptedException {
        Instant giveUp = Instant.now().plus(LOGS_WITHIN);
        String logs = "";
        while (Instant.now().isBefore(giveUp)) {
            logs = user.ssh("logs", app, "--type", type).output();
            if (logs.contains(text)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no '" + text + "' from " + type + " of " + app + " within " + LOGS_WITHIN + ":\n"
                + logs);
    }
}
