package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Gantry steering a second router, as on another host (GANTRY_REMOTE_ROUTERS): its own process and
 * GANTRY_HOME, here on 127.0.0.1, its admin interface over HTTPS with the certificate the control
 * plane issued for it (the cluster's CA, which the control plane pins). It is down when Gantry starts and the first push still deploys;
 * once it runs it gets the whole table; a later push's new route is in both routers when the push
 * returns, so both answer with the new release.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteRoutersIT {

    private static final String APP = "e2e-routers";
    private static final String SERVE = "CMD httpd -f -p $PORT -h /www";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int secondPort = GantryProcess.freePort();
    private final int secondAdminPort = GantryProcess.freePort();
    private GantryTestbed testbed;
    private Process secondRouter;

    @BeforeAll
    void startGantryWithASecondRouterThatIsNotRunningYet() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of("GANTRY_REMOTE_ROUTERS", "https://127.0.0.1:" + secondAdminPort));
    }

    @AfterAll
    void cleanUp() throws Exception {
        GantryProcess.terminate(secondRouter);
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void aRouterThatIsDownDoesNotStopADeploy() throws Exception {
        Cli.Result push = testbed.push("hello v1", SERVE);

        assertTrue(push.ok(), push.output());
        assertEquals("hello v1", body(testbed.gantry.routerPort));
        String routers = testbed.user.ssh("routers").output();
        assertTrue(routers.matches("(?s).*\\nhttps://127\\.0\\.0\\.1:" + secondAdminPort
                + " +out of step +\\S+ \\S+ UTC +(not reached yet|does not answer: ).*"), routers);
    }

    @Test
    @Order(2)
    void theSecondRouterGetsTheWholeTableWhenItStarts() throws Exception {
        Path secondHome = testbed.work.resolve("second-router");
        // What the playbook copies to a router host: the certificate the control plane issued for its address.
        Path issued = testbed.gantry.home.resolve("router/remotes/127.0.0.1");
        Files.createDirectories(secondHome.resolve("router"));
        for (String file : new String[] {"admin-tls.crt", "admin-tls.key"}) {
            Files.copy(issued.resolve(file), secondHome.resolve("router").resolve(file));
        }
        secondRouter = testbed.gantry.startRouterBeside(secondHome, secondPort, secondAdminPort);

        // The router answers as soon as it has the route; the control plane says it is in step a moment later.
        String inStep = "router https://127.0.0.1:" + secondAdminPort + " is in step";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String answer = answer(secondPort);
        while (!(answer.equals("200 hello v1") && testbed.gantry.log().contains(inStep))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = answer(secondPort);
        }

        assertEquals("200 hello v1", answer, "the second router serves the app deployed while it was down");
        assertTrue(testbed.gantry.log().contains(inStep), testbed.gantry.log());
        HttpResponse<String> routers = testbed.api.get("/routers");
        assertEquals(200, routers.statusCode(), routers.body());
        assertTrue(routers.body().contains("\"address\":\"https://127.0.0.1:" + secondAdminPort + "\",\"inStep\":true"),
                routers.body());
        assertTrue(Files.readString(secondHome.resolve("router.log"))
                .contains("admin interface on 127.0.0.1:" + secondAdminPort + " over HTTPS"));
    }

    @Test
    @Order(3)
    void aCutoverReachesBothRoutersBeforeThePushReturns() throws Exception {
        Cli.Result push = testbed.push("hello v2", SERVE);

        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains("Draining 1 old instance(s)"), push.output());
        assertEquals("hello v2", body(secondPort), "the old instance drained only after the second router switched");
        assertEquals("hello v2", body(testbed.gantry.routerPort));
    }

    private String body(int routerPort) throws IOException, InterruptedException {
        HttpResponse<String> response = get(routerPort);
        assertEquals(200, response.statusCode(), response.body());
        return response.body().trim();
    }

    private String answer(int routerPort) throws InterruptedException {
        try {
            HttpResponse<String> response = get(routerPort);
            return response.statusCode() + " " + response.body().trim();
        } catch (IOException notYet) {
            return notYet.toString();
        }
    }

    private HttpResponse<String> get(int routerPort) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + "/"))
                .header("Host", APP + ".localhost").timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
