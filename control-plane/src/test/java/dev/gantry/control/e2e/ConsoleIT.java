package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser against the packaged Gantry, the real engine and router: sign
 * in, change config, scale and roll back, and see each change answer through the router. Also
 * what it refuses: a wrong password, a form without its CSRF token, a password guesser, and script
 * that got into a page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String APP = "e2e-console";
    /** Serves GREETING when set, else the committed page, so both a config change and a rollback show. */
    private static final String ECHO_GREETING =
            "CMD [ -n \"${GREETING+set}\" ] && printf '%s\\n' \"$GREETING\" > /www/index.html;"
                    + " exec httpd -f -p $PORT -h /www";
    private static final String ADMIN_PASSWORD = "console-admin-secret";
    private static final Duration ROLLOUT = Duration.ofSeconds(90);

    private GantryTestbed testbed;
    private ConsoleBrowser browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        Cli.Result push = testbed.push("hello v1", ECHO_GREETING);
        assertTrue(push.ok(), push.output());
        setPassword("admin", ADMIN_PASSWORD);
        browser = new ConsoleBrowser(testbed.gantry);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void aPageAsksToSignInAndAWrongPasswordIsRefused() {
        browser.open("/console/apps/" + APP);
        assertEquals("/console/sign-in", browser.path());

        browser.signIn("admin", "not-the-password");

        assertEquals("Wrong user name or password.", browser.text(By.id("problem")));
        browser.open("/console/apps");
        assertEquals("/console/sign-in", browser.path(), "still signed out");
    }

    @Test
    @Order(2)
    void signedInTheAppsListShowsTheAppItsStateAndUrl() throws Exception {
        browser.signIn("admin", ADMIN_PASSWORD);

        browser.awaitPath("/console/apps", Duration.ofSeconds(10));
        WebElement row = browser.driver.findElement(By.cssSelector("tr[data-app='" + APP + "']"));
        assertTrue(row.getText().contains("running v1"), row.getText());
        assertTrue(row.getText().contains("http://" + APP + ".localhost:" + testbed.gantry.routerPort), row.getText());
        browser.screenshot("apps");
    }

    @Test
    @Order(3)
    void settingAConfigVarMakesANewReleaseAndTheAppAnswersWithIt() throws Exception {
        assertEquals("hello v1", body());
        browser.open("/console/apps/" + APP);
        browser.driver.findElement(By.id("config-link")).click();
        browser.type(By.id("new-key-1"), "GREETING");
        browser.type(By.id("new-value-1"), "hello from the console");

        browser.driver.findElement(By.id("config-save")).click();

        assertEquals("Saved; " + APP + " now runs v2", browser.text(By.id("notice")));
        browser.screenshot("config");
        assertEquals("hello from the console", body());
        assertTrue(browser.driver.findElement(By.id("value-GREETING")).getAttribute("placeholder").contains("22 bytes"),
                "the value stays masked until revealed");
        browser.driver.findElement(By.id("reveal")).click();
        assertEquals("hello from the console",
                browser.driver.findElement(By.id("value-GREETING")).getDomProperty("value"));
        browser.open("/console/apps/" + APP);
        assertEquals("v2", browser.text(By.id("current-release")));
        WebElement v2 = browser.driver.findElement(By.cssSelector("tr.release[data-version='2']"));
        assertTrue(v2.getText().contains("Set GREETING") && v2.getText().contains("+GREETING"), v2.getText());
    }

    @Test
    @Order(4)
    void scalingWebToTwoListsTwoInstancesOnTheAppAndTheNodesPage() throws Exception {
        browser.open("/console/apps/" + APP);
        browser.type(By.id("scale-web"), "2");

        browser.driver.findElement(By.id("scale-submit")).click();

        assertEquals("Scaled " + APP + " to web=2", browser.text(By.id("notice")));
        List<String> instances = browser.driver.findElements(By.cssSelector("#instances tr.instance")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, instances.size(), instances.toString());
        assertTrue(instances.get(0).startsWith("web.1 v2 up") && instances.get(1).startsWith("web.2 v2 up"),
                instances.toString());
        browser.screenshot("app");
        browser.follow(By.id("nodes-link"));
        assertEquals(2, browser.driver.findElements(By.cssSelector("tr.instance")).stream()
                .filter(row -> row.getText().startsWith(APP + " web.")).count(), "the node page lists both");
        String runner = browser.text(By.cssSelector(".runner"));
        assertTrue(runner.matches("inside the control plane, up .+"), "the node runner, by default: " + runner);
    }

    @Test
    @Order(5)
    void rollingBackFromTheTimelineAsksFirstThenThePreviousVersionAnswers() throws Exception {
        browser.open("/console/apps/" + APP);
        browser.driver.findElement(By.id("rollback-v1")).click();
        browser.switchTo().alert().dismiss();
        assertEquals("v2", browser.text(By.id("current-release")), "dismissed: nothing changed");

        browser.driver.findElement(By.id("rollback-v1")).click();
        browser.switchTo().alert().accept();

        browser.awaitText(By.id("notice"), "Rolled back to v1 as v3", ROLLOUT);
        assertEquals("v3", browser.text(By.id("current-release")));
        assertEquals("hello v1", body());
        assertEquals(2, browser.driver.findElements(By.cssSelector("#instances tr.instance")).stream()
                .filter(row -> row.getText().matches("web\\.[12] v3 up .*")).count(), "the formation stays");
        browser.screenshot("releases", By.id("releases"));
        HttpResponse<String> audit = testbed.api.get("/audit?app=" + APP);
        assertTrue(audit.body().contains("\"channel\":\"console\"") && audit.body().contains("\"action\":\"rollback\""),
                audit.body());
    }

    @Test
    @Order(6)
    void theAppPageFollowsAChangeMadeOverSshWithoutBeingReloadedAndTheLogPageStreams() throws Exception {
        browser.open("/console/apps/" + APP);
        browser.driver.executeScript("window.notReloaded = true;");

        Cli.Result set = testbed.user.ssh("config:set", APP, "COLOR=blue");

        assertTrue(set.ok(), set.output());
        browser.awaitText(By.id("current-release"), "v4", Duration.ofSeconds(15));
        assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.notReloaded === true;"));
        assertTrue(browser.text(By.cssSelector("tr.release[data-version='4']")).contains("+COLOR"));
        browser.driver.findElement(By.id("logs-link")).click();
        browser.awaitText(By.id("log"), "gantry: ", Duration.ofSeconds(15));
    }

    @Test
    @Order(7)
    void aFailedDeployShowsItsReasonAndTheInstancesLastOutput() throws Exception {
        Cli.Result push = testbed.push("broken", "CMD echo 'Error: Unable to access jarfile /app/app.jar'; exit 1");
        assertTrue(!push.ok() && push.output().contains("Unable to access jarfile"), push.output());

        browser.open("/console/apps/" + APP);

        assertTrue(browser.text(By.id("progress")).contains("did not become healthy"), browser.text(By.id("progress")));
        assertEquals("Error: Unable to access jarfile /app/app.jar", browser.text(By.id("last-output")));
        assertTrue(testbed.user.ssh("releases:info", APP, "v5").output()
                .contains("last output of the instance that failed:\n    Error: Unable to access jarfile /app/app.jar"));
        assertEquals("v4", browser.text(By.id("current-release")), "v4 serves on");
    }

    @Test
    @Order(8)
    void theAuditPageFiltersByActionAndTimeKeepsABadFilterInlineAndExportsJsonLines() throws Exception {
        browser.follow(By.id("audit-link"));
        browser.type(By.id("filter-app"), APP);
        browser.type(By.id("filter-action"), "rollback");
        browser.type(By.id("filter-since"), "1h");
        browser.follow(By.id("filter-submit"));

        List<String> rows = browser.driver.findElements(By.cssSelector("#events tr.event")).stream()
                .map(WebElement::getText).toList();
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("admin console") && rows.get(0).contains(APP + " rollback ok"), rows.get(0));
        String export = browser.driver.findElement(By.id("export")).getAttribute("href");

        browser.type(By.id("filter-since"), "last week");
        browser.follow(By.id("filter-submit"));

        assertTrue(browser.text(By.id("problem")).startsWith("since: 'last week' is not a time."),
                browser.text(By.id("problem")));
        assertEquals("rollback", browser.driver.findElement(By.id("filter-action")).getDomProperty("value"),
                "the other fields are kept");
        HttpResponse<String> lines = get(export.substring(export.indexOf("/console/")),
                "gantry_session=" + browser.sessionCookie().getValue());
        assertEquals("application/x-ndjson", lines.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, lines.body().lines().count(), lines.body());
        assertTrue(lines.body().contains("\"channel\":\"console\"") && lines.body().contains("\"action\":\"rollback\""),
                lines.body());
    }

    @Test
    @Order(9)
    void aPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String cookie = "gantry_session=" + browser.sessionCookie().getValue();

        HttpResponse<String> withoutToken = post("/console/apps/" + APP + "/scale", "type=web&quantity=3", cookie);
        HttpResponse<String> wrongToken = post("/console/apps/" + APP + "/scale", "csrf=guessed&type=web&quantity=3",
                cookie);
        HttpResponse<String> withoutSession = post("/console/apps/" + APP + "/scale", "type=web&quantity=3", null);

        assertEquals(403, withoutToken.statusCode());
        assertTrue(withoutToken.body().contains("This form is out of date"), withoutToken.body());
        assertEquals(403, wrongToken.statusCode());
        assertEquals(403, withoutSession.statusCode());
        assertTrue(withoutSession.body().contains("Sign in again"), withoutSession.body());
        assertTrue(testbed.api.get("/apps/" + APP + "/formation").body().contains("\"quantity\":2"),
                "still two instances");
    }

    @Test
    @Order(10)
    void aMemberSeesOnlyItsOwnAppsAndAnotherUsersAppIsLikeNoApp() throws Exception {
        HttpResponse<String> added = testbed.api.send("POST", "/users", "{\"name\": \"carol\", \"role\": \"member\"}");
        assertEquals(201, added.statusCode(), added.body());
        setPassword("carol", "carol-secret-password");
        HttpResponse<String> signIn = post("/console/sign-in", "user=carol&password=carol-secret-password", null);
        assertEquals(303, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> apps = get("/console/apps", cookie);
        HttpResponse<String> app = get("/console/apps/" + APP, cookie);
        HttpResponse<String> unknown = get("/console/apps/no-such-app", cookie);

        assertEquals(200, apps.statusCode());
        assertTrue(!apps.body().contains(APP), "admin's app is not listed for carol");
        assertEquals(404, app.statusCode());
        assertEquals(unknown.body().replace("no-such-app", APP), app.body(), "same page as an app that does not exist");
        HttpResponse<String> scale = post("/console/apps/" + APP + "/scale", "type=web&quantity=0", cookie);
        assertTrue(scale.statusCode() == 403 || scale.statusCode() == 404, "carol cannot scale it: " + scale.statusCode());
        assertTrue(testbed.api.get("/apps/" + APP + "/formation").body().contains("\"quantity\":2"), "still two instances");
    }

    @Test
    @Order(12)
    void theSessionCookieIsHttpOnlyAndSameSiteAndSigningOutEndsIt() throws Exception {
        HttpResponse<String> signIn = post("/console/sign-in", "user=admin&password=" + ADMIN_PASSWORD, null);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElse("");

        assertEquals(303, signIn.statusCode());
        assertTrue(setCookie.startsWith("gantry_session=") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = "gantry_session=" + browser.sessionCookie().getValue();
        browser.driver.findElement(By.id("sign-out")).click();
        browser.awaitPath("/console/sign-in", Duration.ofSeconds(10));
        assertEquals(303, get("/console/apps", cookie).statusCode(), "the old cookie no longer signs in");
    }

    /** Last: it shuts this address out of signing in for a minute. */
    @Test
    @Order(13)
    void fiveWrongPasswordsInAMinuteShutTheAddressOut() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(401, post("/console/sign-in", "user=admin&password=guess" + attempt, null).statusCode());
        }

        HttpResponse<String> sixth = post("/console/sign-in", "user=admin&password=" + ADMIN_PASSWORD, null);

        assertEquals(429, sixth.statusCode());
        assertTrue(sixth.body().contains("Too many failed sign-ins"), sixth.body());
    }

    /**
     * Needs no session: the sign-in page is a console page like any other. An inline script that got
     * into a page (past the templates' escaping) must not run, as an element or as an attribute.
     */
    @Test
    @Order(14)
    void everyAnswerCarriesSecurityHeadersAndAnInjectedInlineScriptDoesNotRun() throws Exception {
        String consolePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        for (String path : List.of("/console/sign-in", "/console/apps", "/console/assets/console.js")) {
            HttpResponse<String> page = get(path, "gantry_session=none");
            assertEquals(consolePolicy, page.headers().firstValue("Content-Security-Policy").orElse(""), path);
            assertSecurityHeaders(page, path);
        }
        HttpResponse<String> api = testbed.api.get("/apps");
        assertEquals("default-src 'none'; frame-ancestors 'none'",
                api.headers().firstValue("Content-Security-Policy").orElse(""));
        assertSecurityHeaders(api, "/api/v1/apps");

        browser.open("/console/sign-in");
        browser.driver.executeScript("const script = document.createElement('script');"
                + " script.textContent = 'window.injectedScriptRan = true;';"
                + " document.body.appendChild(script);"
                + " document.body.insertAdjacentHTML('beforeend',"
                + " '<img id=\"injected\" src=\"/no-such-image\" onerror=\"window.injectedHandlerRan = true\">');");
        Thread.sleep(500);

        assertEquals(Boolean.FALSE, browser.driver.executeScript("return window.injectedScriptRan === true;"));
        assertEquals(Boolean.FALSE, browser.driver.executeScript("return window.injectedHandlerRan === true;"));
        assertTrue(browser.driver.findElement(By.id("sign-in")).isDisplayed(), "the page itself still works");
    }

    /**
     * On one host the nodes page lists that host as {@code nodes} does; a drain has nowhere to move to and is
     * refused with the way to a cluster, and a member may not drain at all.
     */
    @Test
    @Order(11)
    void theNodesPageShowsTheOneHostWithItsStateLabelsInstancesAndCapacityAndRefusesADrain() throws Exception {
        browser.open("/console/nodes");

        // One script reads the section whole: the page swaps its live sections every 2 s.
        List<?> host = (List<?>) browser.driver.executeScript("const all = document.querySelectorAll('section.node');"
                + " const s = all[0];"
                + " return [all.length, s.id.substring('node-'.length), s.querySelector('.state').textContent,"
                + " s.querySelector('.labels').textContent, s.querySelector('.count').textContent,"
                + " Array.from(s.querySelectorAll('tr.instance')).filter(r => r.cells[0].textContent === '" + APP + "' && r.cells[1].textContent.startsWith('web.')).length,"
                + " s.innerText, s.querySelectorAll(\"button[id^='drain-']\").length];");
        assertEquals(1L, host.get(0), "one host before cluster:init");
        String name = (String) host.get(1);
        assertEquals("ready", host.get(2));
        assertEquals("-", host.get(3));
        assertEquals("2", host.get(4), "every instance that runs here");
        assertEquals(2L, host.get(5), "the app's web=2 on this host");
        assertTrue(((String) host.get(6)).matches("(?s).*CPUs\\s+[0-9.]+\\s+Memory\\s+[0-9.]+ [KMGT]iB.*"), host.get(6).toString());
        assertEquals(0L, host.get(7), "nowhere to drain to");
        browser.screenshot("nodes");

        String cookie = "gantry_session=" + browser.sessionCookie().getValue();
        HttpResponse<String> drain = post("/console/nodes/" + name + "/drain", "csrf=" + csrf(get("/console/nodes", cookie)),
                cookie);
        assertEquals(303, drain.statusCode(), drain.body());
        browser.open("/console/nodes");
        assertTrue(browser.text(By.id("notice")).startsWith("this host manages no cluster yet. Run ./gantry cluster:init"),
                browser.text(By.id("notice")));
        browser.awaitText(By.id("state-" + name), "ready", Duration.ofSeconds(5));

        HttpResponse<String> signIn = post("/console/sign-in", "user=carol&password=carol-secret-password", null);
        String carol = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> page = get("/console/nodes", carol);
        assertTrue(page.body().contains("None of your apps runs here.") && !page.body().contains(APP + "</a>"),
                "carol sees the host but not admin's app: " + page.body());
        post("/console/nodes/" + name + "/drain", "csrf=" + csrf(page), carol);
        assertTrue(get("/console/nodes", carol).body().contains("nodes:drain is for admins only"), "refused to a member");
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(token.find(), page.body());
        return token.group(1);
    }

    private static void assertSecurityHeaders(HttpResponse<String> answer, String path) {
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), path);
        assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""), path);
    }

    private void setPassword(String user, String password) {
        HttpResponse<String> set = testbed.api.send("PUT", "/users/" + user + "/password",
                "{\"password\": \"" + password + "\"}");
        assertEquals(204, set.statusCode(), set.body());
    }

    private String body() throws Exception {
        return testbed.user.get(APP).body().trim();
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(console(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(console(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI console(String path) {
        return URI.create("http://127.0.0.1:" + testbed.gantry.apiPort + path);
    }
}
