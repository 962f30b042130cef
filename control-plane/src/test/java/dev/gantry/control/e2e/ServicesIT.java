package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.RunningContainer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.openqa.selenium.By;

/**
 * Backing services as a user runs them: PostgreSQL and Redis built from Debian packages on the base
 * image, kept running by the supervisor with their data on a volume, never on the host's ports, their
 * passwords shown only when asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesIT {

    private static final String APP = "e2e-services";
    private static final String DB = "e2e-shopdb";
    private static final String CACHE = "e2e-cache";
    private static final String OTHER = "e2e-services-other";
    private static final String ADDONS = "e2e-addons";
    private static final String JAVA = "e2e-services-java";
    private static final Pattern BACKUP_ID = Pattern.compile("Backup (\\d{8}-\\d{6}(-\\d+)?) of");
    private static final Pattern PASSWORD = Pattern.compile("://[^:]*:([A-Za-z0-9_-]{43})@");

    private GantryTestbed testbed;
    private GantryUser user;
    private String dbPassword;
    private String cachePassword;

    @BeforeAll
    void start() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        user = testbed.user;
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            for (String app : List.of(OTHER, ADDONS, JAVA)) {
                user.gantryCli("apps:destroy", app, "--force");
            }
            for (String service : List.of(DB, CACHE, ADDONS + "-database", ADDONS + "-cache")) {
                user.ssh("services:unlink", service, APP);
                user.ssh("services:destroy", service, "--force");
            }
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void servicesAreCreatedFromDebianPackagesAndListed() {
        Cli.Result created = user.ssh("services:create", "postgres", DB);
        assertTrue(created.ok(), created.output());
        assertTrue(created.output().contains("=====> Created postgres " + DB + " (PostgreSQL 15)"), created.output());
        Cli.Result cache = user.ssh("services:create", "redis", CACHE, "--version", "7");
        assertTrue(cache.ok(), cache.output());

        Cli.Result listed = user.ssh("services");
        assertTrue(Pattern.compile("(?m)^" + DB + "\\s+postgres\\s+15\\s+running\\s+not linked$")
                .matcher(listed.output()).find(), listed.output());
        assertTrue(Pattern.compile("(?m)^" + CACHE + "\\s+redis\\s+7\\s+running\\s+not linked$")
                .matcher(listed.output()).find(), listed.output());
    }

    @Test
    @Order(2)
    void thePasswordShowsOnlyWhenAskedAndNothingIsPublishedOnTheHost() throws Exception {
        Cli.Result info = user.ssh("services:info", DB);
        assertTrue(info.output().contains("URL:         postgres://" + DB + ":********@" + DB + ":5432/" + DB),
                info.output());
        assertTrue(info.output().contains("State:       running since "), info.output());

        dbPassword = password(user.ssh("services:info", DB, "--reveal").output());

        for (RunningContainer container : serviceContainers(DB)) {
            assertEquals(0, container.hostPort(), container.name() + " must publish nothing");
        }
        assertNoPasswordLogged(dbPassword);
    }

    @Test
    @Order(3)
    void badInputIsRefusedInOneLineWithNothingChanged() {
        assertRefused(user.ssh("services:create", "mysql", "x"), "'mysql' is not a kind of service: use postgres or redis");
        assertRefused(user.ssh("services:create", "postgres", DB), "a service named " + DB + " already exists");
        assertRefused(user.ssh("services:create", "postgres", "Bad_Name"), "'Bad_Name' is not a service name");
        assertRefused(user.ssh("services:create", "postgres", "other", "--version", "9"),
                "PostgreSQL 9 is not packaged for this Gantry's Debian release: use --version 15");
        assertRefused(user.ssh("services:destroy", DB), "Run again with --force");
        assertRefused(user.ssh("services:info", "nope"), "service 'nope' does not exist");
        assertEquals(2, user.ssh("services").output().lines().filter(line -> line.startsWith("e2e-")).count());
        assertTrue(Cli.ok(testbed.work, Map.of(), "docker", "volume", "ls", "-q").output()
                .contains("gantry.service." + DB));
    }

    @Test
    @Order(4)
    void aLinkIsAConfigChangeAndTheAppWritesThroughDatabaseUrl() throws Exception {
        assertTrue(user.ssh("services:backup-schedule", DB, "* * * * *", "keep=3").ok());
        commitDatabaseApp(testbed.repo, "v1");
        assertTrue(user.git(testbed.repo, "push", "paas", "main").ok());

        Cli.Result linked = user.ssh("services:link", DB, APP);
        assertTrue(linked.ok(), linked.output());
        assertTrue(linked.output().contains("Linked " + DB + " to " + APP + " as DATABASE: setting DATABASE_URL,"
                + " JDBC_DATABASE_URL, JDBC_DATABASE_USERNAME, JDBC_DATABASE_PASSWORD"), linked.output());
        assertTrue(user.ssh("releases", APP).output().contains("Set DATABASE_URL, JDBC_DATABASE_URL"));
        assertFalse(user.ssh("config", APP).output().contains(dbPassword), "config hides values");
        assertEquals("written", page("/cgi-bin/write?first"));
        assertEquals("first", page("/cgi-bin/read"));

        assertTrue(user.ssh("services:link", CACHE, APP).ok());
        cachePassword = password(user.ssh("services:info", CACHE, "--reveal").output());
        assertEquals("+PONG", redis(APP, "PING"), "REDIS_URL's password opens the cache");
        assertNoPasswordLogged(dbPassword);
        assertNoPasswordLogged(cachePassword);
    }

    @Test
    @Order(5)
    void badLinksAndADestroyWhileLinkedAreRefusedInOneLine() {
        assertRefused(user.ssh("services:link", DB, "nope"), "app 'nope' does not exist");
        assertRefused(user.ssh("services:link", DB, APP), DB + " is already linked to " + APP + " as DATABASE");
        assertRefused(user.ssh("services:link", CACHE, APP, "--as", "DATABASE"),
                APP + " already has " + DB + " linked as DATABASE");
        assertRefused(user.ssh("services:link", CACHE, APP, "--as", "cache"), "'cache' is not an alias");
        assertRefused(user.ssh("services:link", "nope", APP), "service 'nope' does not exist");
        assertRefused(user.ssh("services:destroy", DB, "--force"), DB + " is linked to " + APP + " (DATABASE)");
        assertTrue(user.ssh("services").output().contains(APP + " (DATABASE)"));
    }

    @Test
    @Order(6)
    void anUnlinkedAppCannotReachTheService() throws Exception {
        Path other = user.newRepository(OTHER);
        commitDatabaseApp(other, "other");
        assertTrue(user.git(other, "push", "paas", "main").ok());

        Cli.Result reached = user.ssh("run", OTHER, "--", "psql", "postgres://" + DB + ":" + dbPassword + "@" + DB
                + ":5432/" + DB, "-c", "'select 1'");

        assertNotEquals(0, reached.exitCode(), reached.output());
        assertTrue(reached.output().contains("could not translate host name \"" + DB + "\""), reached.output());
    }

    @Test
    @Order(7)
    void theDataSurvivesARedeployAServiceRestartAndAGantryRestart() throws Exception {
        commitDatabaseApp(testbed.repo, "v2");
        assertTrue(user.git(testbed.repo, "push", "paas", "main").ok());
        assertEquals("first", page("/cgi-bin/read"));

        RunningContainer killed = serviceContainers(DB).get(0);
        Cli.ok(testbed.work, Map.of(), "docker", "kill", killed.id());
        RunningContainer replacement = awaitRunning(DB, killed.id());
        assertEquals("first", page("/cgi-bin/read"), "the replacement joined the app's network, on the same volume");

        testbed.gantry.stopControlPlane();
        testbed.gantry.startControlPlane();
        assertEquals(List.of(replacement.id()), serviceContainers(DB).stream().map(RunningContainer::id).toList(),
                "a Gantry restart leaves the running instance alone");
        assertEquals("first", page("/cgi-bin/read"));
    }

    @Test
    @Order(8)
    void aBackupAWriteAndARestoreBringTheOldRowBack() throws Exception {
        Cli.Result backup = user.ssh("services:backup", DB);
        assertTrue(backup.ok(), backup.output());
        Matcher id = BACKUP_ID.matcher(backup.output());
        assertTrue(id.find(), backup.output());
        assertTrue(Pattern.compile("(?m)^" + id.group(1) + "\\s+[0-9.]+ (B|KiB)\\s+\\d{4}-\\d\\d-\\d\\d ")
                .matcher(user.ssh("services:backups", DB).output()).find(), "listed with size and time");
        assertEquals("written", page("/cgi-bin/write?second"));
        assertEquals("first,second", page("/cgi-bin/read"));

        assertRefused(user.ssh("services:restore", DB, id.group(1)), "Run again with --force");
        Cli.Result restored = user.ssh("services:restore", DB, id.group(1), "--force");

        assertTrue(restored.ok(), restored.output());
        assertEquals("first", page("/cgi-bin/read"));
        assertTrue(user.gantryCli("audit").output().contains("services:restore " + DB + " " + id.group(1)));
        assertTrue(Pattern.compile("Last backup: \\d{8}-\\d{6}\\S* \\([0-9.]+ (B|KiB), ")
                .matcher(user.ssh("services:info", DB).output()).find(), "info shows the newest backup");
    }

    @Test
    @Order(9)
    void aBrokenBackupIsRefusedInOneLineAndLeavesTheDataAsItWas() throws Exception {
        Path broken = testbed.gantry.home.resolve("backups").resolve(DB).resolve("20000101-000000.dump");
        Files.write(broken, "PGDMP-not-really".getBytes());
        assertEquals("written", page("/cgi-bin/write?third"));

        Cli.Result restored = user.ssh("services:restore", DB, "20000101-000000", "--force");

        assertNotEquals(0, restored.exitCode());
        List<String> errors = restored.output().lines().filter(line -> line.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), "why, in one line: " + restored.output());
        assertTrue(errors.get(0).matches("error: the restore of " + DB + " from 20000101-000000 failed: .+\\."
                + " Its data is as it was"), errors.get(0));
        assertEquals("first,third", page("/cgi-bin/read"));
        assertRefused(user.ssh("services:restore", DB, "../../etc", "--force"), "is not a backup id");
        assertRefused(user.ssh("services:restore", DB, "20990101-000000", "--force"), "has no backup 20990101-000000");
    }

    @Test
    @Order(10)
    void aRedisSnapshotRestoresTheOldValue() {
        assertEquals("+OK", redis(APP, "SET k old"));
        Cli.Result backup = user.ssh("services:backup", CACHE);
        Matcher id = BACKUP_ID.matcher(backup.output());
        assertTrue(id.find(), backup.output());
        assertEquals("+OK", redis(APP, "SET k new"));

        Cli.Result restored = user.ssh("services:restore", CACHE, id.group(1), "--force");

        assertTrue(restored.ok(), restored.output());
        assertEquals("$3old", redis(APP, "GET k"));
    }

    @Test
    @Order(11)
    void connectLogsAndTheScheduleWork() throws Exception {
        Path sql = testbed.work.resolve("query.sql");
        Files.writeString(sql, "select 6 * 7 as answer;\n");
        Cli.Result connected = user.ssh(sql, "services:connect", DB);
        assertTrue(connected.ok() && connected.output().contains("42"), connected.output());
        Path typed = testbed.work.resolve("typed.txt");
        Files.writeString(typed, "\\q\n");
        Cli.Result terminal = user.sshWithTerminal(typed, "services:connect", DB);
        assertTrue(terminal.output().contains(DB + "=>"), "psql's prompt in a TTY: " + terminal.output());

        assertTrue(user.ssh("services:logs", DB).output().contains("database system is ready to accept connections"));
        assertRefused(user.ssh("services:backup-schedule", DB, "0 25 * * *"), "'25' is not a hour");

        int seen = testbed.gantry.log().length();
        Pattern made = Pattern.compile("scheduled backup \\d{8}-\\d{6}\\S* of " + DB + " made");
        long deadline = System.nanoTime() + 100_000_000_000L;
        while (!made.matcher(testbed.gantry.log().substring(seen)).find() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        assertTrue(made.matcher(testbed.gantry.log().substring(seen)).find(), "the schedule of every minute fired");
        assertEquals(3, user.ssh("services:backups", DB).output().lines().filter(l -> l.matches("\\d{8}.*")).count(),
                "keep=3");
        assertTrue(user.ssh("services:backup-schedule", DB, "off").ok());
    }

    @Test
    @Order(12)
    void appJsonAddonsAreProvisionedOnTheFirstPushBeforeTheReleasePhase() throws Exception {
        Path repo = user.newRepository(ADDONS);
        Files.writeString(repo.resolve("app.json"), "{\"addons\": [\"heroku-postgresql\","
                + " {\"plan\": \"heroku-redis:mini\", \"as\": \"CACHE\"}]}");
        Files.writeString(repo.resolve("Procfile"), "release: psql -X -q \"$DATABASE_URL\" -c 'create table notes (body"
                + " text)'\nweb: exec busybox httpd -f -p $PORT -h /www\n");
        commitDatabaseApp(repo, "addons");

        Cli.Result pushed = user.git(repo, "push", "paas", "main");

        assertTrue(pushed.ok(), pushed.output());
        assertTrue(pushed.output().contains("creating the service " + ADDONS + "-database"), pushed.output());
        Cli.Result config = user.ssh("config", ADDONS);
        assertTrue(config.output().contains("DATABASE_URL=") && config.output().contains("CACHE_URL="), config.output());
        assertEquals("written", get(ADDONS, "/cgi-bin/write?addon"));
    }

    @Test
    @Order(13)
    void theRestApiHasTheSameOperationsUnderTheSameNames() {
        var listed = testbed.api.get("/services");
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("{\"name\":\"" + DB + "\",\"type\":\"postgres\",\"version\":\"15\","
                + "\"state\":\"running\",\"links\":[{\"app\":\"" + APP + "\",\"alias\":\"DATABASE\"}]}"), listed.body());
        var hidden = testbed.api.get("/services/" + DB);
        assertTrue(hidden.body().contains("\"url\":\"postgres://" + DB + ":********@"), hidden.body());
        assertTrue(testbed.api.get("/services/" + DB + "?reveal=true").body().contains(dbPassword));

        var backup = testbed.api.send("POST", "/services/" + DB + "/backups", null);
        assertEquals(201, backup.statusCode(), backup.body());
        String id = backup.body().replaceFirst(".*\"id\":\"([0-9-]+)\".*", "$1");
        assertTrue(testbed.api.get("/services/" + DB + "/backups").body().contains(id));
        var restored = testbed.api.send("POST", "/services/" + DB + "/backups/" + id + "/restore?confirm=" + DB, null);
        assertEquals(200, restored.statusCode(), restored.body());

        assertProblem(testbed.api.send("POST", "/services", "{\"type\": \"mysql\", \"name\": \"x\"}"), 422,
                "'mysql' is not a kind of service");
        assertProblem(testbed.api.send("POST", "/services/" + DB + "/backups/" + id + "/restore", null), 422,
                "Repeat its name to confirm");
        assertProblem(testbed.api.send("PUT", "/services/" + DB + "/backup-schedule", "{\"schedule\": \"daily\"}"),
                422, "'daily' is not a cron schedule");
        assertProblem(testbed.api.send("DELETE", "/services/" + DB + "?confirm=" + DB, null), 409,
                DB + " is linked to " + APP);
        assertProblem(testbed.api.send("POST", "/services/" + DB + "/links", "{\"app\": \"nope\"}"), 404,
                "app 'nope' does not exist");
        assertProblem(testbed.api.get("/services/nope"), 404, "service 'nope' does not exist");
    }

    @Test
    @Order(14)
    void theConsoleShowsTheAppsServicesAndBacksUpAndRestoresFromTheServicePage() throws Exception {
        assertEquals(204, testbed.api.send("PUT", "/users/admin/password",
                "{\"password\": \"services-admin-secret\"}").statusCode());
        try (ConsoleBrowser browser = new ConsoleBrowser(testbed.gantry)) {
            browser.signIn("admin", "services-admin-secret");
            browser.open("/console/apps/" + APP + "/services");
            assertTrue(browser.text(By.cssSelector("tr[data-service='" + DB + "']")).contains("running"));

            browser.driver.findElement(By.linkText(DB)).click();
            assertEquals("running", browser.text(By.id("service-state")));
            assertTrue(browser.text(By.id("service-url")).contains(":********@"));
            browser.driver.findElement(By.id("backup-now")).click();
            browser.awaitText(By.id("notice"), "Backed up " + DB + " as ", Duration.ofSeconds(60));
            String id = browser.text(By.id("notice")).replaceFirst(".* as ", "");
            browser.screenshot("service");
            assertEquals("written", page("/cgi-bin/write?fourth"));

            browser.driver.findElement(By.id("restore-" + id)).click();
            browser.switchTo().alert().accept();

            browser.awaitText(By.id("notice"), "Restored " + DB + " from " + id, Duration.ofSeconds(60));
            assertFalse(page("/cgi-bin/read").contains("fourth"));
            browser.type(By.id("destroy-confirm"), DB);
            browser.driver.findElement(By.id("destroy-submit")).click();
            browser.awaitText(By.id("notice"), DB + " is linked to " + APP, Duration.ofSeconds(30));
        }
        assertTrue(user.gantryCli("audit").output().contains("services:backup " + DB));
    }

    @Test
    @Order(15)
    void anUnlinkTakesTheUrlAndTheAccessAwayAndDestroyRemovesTheData() {
        Cli.Result unlinked = user.ssh("services:unlink", CACHE, APP);
        assertTrue(unlinked.ok(), unlinked.output());
        assertFalse(user.ssh("config", APP).output().contains("REDIS_URL"));
        Cli.Result reached = user.ssh("run", APP, "--", "sh", "-c", "'echo PING | busybox nc -w 2 " + CACHE + " 6379'");
        assertNotEquals(0, reached.exitCode(), reached.output());

        Cli.Result destroyed = user.ssh("services:destroy", CACHE, "--force");
        assertTrue(destroyed.ok(), destroyed.output());
        assertFalse(Cli.ok(testbed.work, Map.of(), "docker", "volume", "ls", "-q").output()
                .contains("gantry.service." + CACHE));
        assertTrue(serviceContainers(CACHE).isEmpty());
    }

    @Test
    @Order(16)
    void aJavaAppThatReadsOnlyJdbcDatabaseUrlConnects() throws Exception {
        if (!Cli.run(testbed.work, Map.of(), List.of("docker", "image", "inspect", "gantry/stack-java:run")).ok()) {
            assertTrue(user.ssh("stacks:rebuild", "java").ok(), "the Java stack's run image");
        }
        Path repo = user.newRepository(JAVA);
        Files.writeString(repo.resolve("Main.java"), """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;
                import java.sql.Connection;
                import java.sql.DriverManager;
                import java.sql.ResultSet;
                import java.sql.SQLException;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        int port = Integer.parseInt(System.getenv("PORT"));
                        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                        server.createContext("/", exchange -> {
                            String body;
                            try (Connection db = DriverManager.getConnection(System.getenv("JDBC_DATABASE_URL"));
                                    ResultSet rows = db.createStatement().executeQuery("select count(*) from notes")) {
                                rows.next();
                                body = "notes: " + rows.getLong(1);
                            } catch (SQLException e) {
                                body = "no database: " + e.getMessage();
                            }
                            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                            exchange.sendResponseHeaders(200, bytes.length);
                            exchange.getResponseBody().write(bytes);
                            exchange.close();
                        });
                        server.start();
                    }
                }
                """);
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17",
                repo.resolve("Main.java").toString()), "Main.java compiles");
        Files.writeString(repo.resolve("Dockerfile"), """
                FROM gantry/stack-java:run
                USER root
                RUN install-packages libpostgresql-jdbc-java
                USER app
                COPY Main.class /app/
                CMD ["java", "-cp", "/app:/usr/share/java/postgresql.jar", "Main"]
                """);
        Cli.ok(repo, Map.of(), "git", "add", "Dockerfile", "Main.class");
        Cli.ok(repo, Map.of(), "git", "commit", "-q", "-m", "a Java app on JDBC_DATABASE_URL");
        assertTrue(user.git(repo, "push", "paas", "main").ok());

        assertTrue(user.ssh("services:link", DB, JAVA).ok());

        assertTrue(get(JAVA, "/").matches("notes: [0-9]+"), get(JAVA, "/"));
    }

    /**
     * The app of these tests: PostgreSQL's client from the service image and busybox's httpd, whose CGI
     * scripts write a row through DATABASE_URL and read the rows back.
     */
    private void commitDatabaseApp(Path repo, String version) throws Exception {
        Files.createDirectories(repo.resolve("www/cgi-bin"));
        Files.writeString(repo.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + " AS busybox\n"
                + "FROM gantry/service-postgres:15\n"
                + "HEALTHCHECK NONE\n"
                + "COPY --from=busybox /bin/busybox /bin/busybox\n"
                + "COPY www /www\n"
                + "CMD exec busybox httpd -f -p $PORT -h /www\n");
        cgi(repo, "write", "body=$(echo \"$QUERY_STRING\" | tr -cd a-z0-9)\n"
                + "psql -X -q \"$DATABASE_URL\" -c 'create table if not exists notes (body text)' -c \"insert into notes"
                + " values ('$body')\" 2>&1 && echo written");
        cgi(repo, "read", "psql -X -q -A -t \"$DATABASE_URL\" -c \"select string_agg(body, ',' order by body) from notes\""
                + " 2>&1");
        Files.writeString(repo.resolve("www/version"), version);
        Cli.ok(repo, Map.of(), "git", "add", "-A");
        Cli.ok(repo, Map.of(), "git", "commit", "-q", "-m", version);
    }

    private static void cgi(Path repo, String name, String body) throws Exception {
        Path script = repo.resolve("www/cgi-bin").resolve(name);
        Files.writeString(script, "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\n"
                + "export PGOPTIONS='-c client_min_messages=warning'\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String page(String path) throws Exception {
        return get(APP, path);
    }

    private String get(String app, String path) throws Exception {
        var response = user.get(app, path);
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    /**
     * One command to the cache from a one-off run of {@code app}, with the password its REDIS_URL holds;
     * its answer without the two {@code +OK}s of AUTH and QUIT around it.
     */
    private String redis(String app, String command) {
        Cli.Result result = user.ssh("run", app, "--", "sh", "-c", "'pw=${REDIS_URL#redis://:}; printf \"AUTH %s\\r\\n"
                + command + "\\r\\nQUIT\\r\\n\" \"${pw%@*}\" | busybox nc -w 2 " + CACHE + " 6379'");
        assertTrue(result.ok(), result.output());
        String answer = result.output().replace("\r", "").replace("\n", "");
        assertTrue(answer.startsWith("+OK") && answer.endsWith("+OK"), answer);
        return answer.substring(3, answer.length() - 3);
    }

    private static String password(String output) {
        Matcher password = PASSWORD.matcher(output);
        assertTrue(password.find(), output);
        return password.group(1);
    }

    private List<RunningContainer> serviceContainers(String service) {
        return testbed.engine.list(Map.of("gantry.service", service)).stream()
                .filter(c -> !c.labels().containsKey("gantry.one-off")).toList();
    }

    /** Until the service has one running instance other than {@code gone}, healthy again. */
    private RunningContainer awaitRunning(String service, String gone) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<RunningContainer> now = serviceContainers(service);
            if (now.size() == 1 && !now.get(0).id().equals(gone) && now.get(0).running()
                    && now.get(0).health() == RunningContainer.Health.HEALTHY) {
                return now.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + " was not replaced within 2 minutes: " + serviceContainers(service));
    }

    private void assertNoPasswordLogged(String password) throws Exception {
        assertFalse(testbed.gantry.log().contains(password), "the control plane's log (the node runner's too) holds the password");
        assertFalse(user.gantryCli("audit").output().contains(password), "the audit log holds the password");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(detail), response.body());
    }

    private static void assertRefused(Cli.Result result, String message) {
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
        assertEquals(1, result.output().strip().lines().count(), "one line: " + result.output());
    }
}
