package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Port 8000 as a person on another machine reaches it: HTTPS with a certificate of Gantry's own CA
 * (which a client trusts by {@code GANTRY_HOME/tls/ca.crt}) or the operator's own, a session cookie
 * that only travels encrypted, and plain HTTP only for tools on the host itself (loopback).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiHttpsIT {

    private static final String PASSWORD = "https-test-password-1";

    private Path work;
    private GantryProcess gantry;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("gantry-https");
        gantry = new GantryProcess(work.resolve("home"));
        gantry.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (gantry != null) {
            gantry.stop();
        }
        Cli.deleteRecursively(work);
    }

    @Test
    @Order(1)
    void theConsoleAndApiAnswerOverHttpsWithACertificateOfGantrysOwnCa() throws Exception {
        HttpClient trusting = client(Files.readString(gantry.home.resolve("tls/ca.crt")));

        for (String host : List.of("127.0.0.1", "localhost")) {
            HttpResponse<String> status = trusting.send(get("https://" + host + ":" + gantry.publicApiPort + "/api/v1/status"),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), host + ": " + status.body());
        }
        HttpResponse<String> root = trusting.send(get("https://localhost:" + gantry.publicApiPort + "/"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("/console", root.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse(""),
                "the host's port opens the console");
        assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(
                get("https://127.0.0.1:" + gantry.publicApiPort + "/api/v1/status"), HttpResponse.BodyHandlers.ofString()),
                "a client that does not trust Gantry's CA is warned, as a browser is");
    }

    @Test
    @Order(2)
    void plainHttpIsServedOnLoopbackOnly() throws Exception {
        HttpResponse<String> local = HttpClient.newHttpClient().send(
                get("http://127.0.0.1:" + gantry.apiPort + "/api/v1/status"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, local.statusCode(), "tools on the host talk plain HTTP to 127.0.0.1");

        // 127.0.0.2 is this host too, but not the address the plain port is bound to: as an outside
        // address would, it reaches the HTTPS port only.
        assertTrue(connects("127.0.0.2", gantry.publicApiPort), "HTTPS listens on every address");
        assertThrows(ConnectException.class, () -> connects("127.0.0.2", gantry.apiPort),
                "plain HTTP is bound to 127.0.0.1 only");
    }

    @Test
    @Order(3)
    void signingInOverHttpsGivesACookieThatOnlyTravelsEncrypted() throws Exception {
        HttpResponse<String> set = new GantryApi(gantry).send("PUT", "/users/admin/password",
                "{\"password\": \"" + PASSWORD + "\"}");
        assertEquals(204, set.statusCode(), set.body());
        HttpClient trusting = client(Files.readString(gantry.home.resolve("tls/ca.crt")));

        HttpResponse<String> signIn = trusting.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + gantry.publicApiPort + "/console/sign-in"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=admin&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(303, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElse("");
        List<String> attributes = Arrays.stream(cookie.split(";")).map(String::strip).toList();
        assertTrue(cookie.startsWith("gantry_session=") && attributes.contains("Secure"), cookie);
    }

    /** Last: it restarts the control plane with the operator's certificate. */
    @Test
    @Order(4)
    void theOperatorsOwnCertificateReplacesGantrysOnRestart() throws Exception {
        TlsCertificate own = SelfSignedCertificates.generate(List.of("localhost"), 30);
        Path certificate = Files.writeString(gantry.home.resolve("own.crt"), own.certificatePem());
        Path key = Files.writeString(gantry.home.resolve("own.key"), own.keyPem());
        gantry.stopControlPlane();
        gantry.putEnv("GANTRY_API_TLS_CERT", certificate.toString());
        gantry.putEnv("GANTRY_API_TLS_KEY", key.toString());
        gantry.startControlPlane();
        awaitHttps(); // the start is judged on the plain port, which may open a moment before this one

        HttpResponse<String> status = client(own.certificatePem()).send(
                get("https://localhost:" + gantry.publicApiPort + "/api/v1/status"), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, status.statusCode(), status.body());
        HttpClient trustingGantrysCa = client(Files.readString(gantry.home.resolve("tls/ca.crt")));
        assertThrows(SSLHandshakeException.class, () -> trustingGantrysCa.send(
                get("https://localhost:" + gantry.publicApiPort + "/api/v1/status"), HttpResponse.BodyHandlers.ofString()),
                "Gantry's own certificate is no longer served");
    }

    private void awaitHttps() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (connects("127.0.0.1", gantry.publicApiPort)) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    }

    private static boolean connects(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            return true;
        }
    }

    /** A client that trusts the certificate authority (or self-signed certificate) in {@code pem} alone. */
    private static HttpClient client(String pem) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("gantry", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
