package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouterTlsTest {

    private static final TlsCertificate SHOP = SelfSignedCertificates.generate(List.of("shop.example.com"), 30);
    private static final TlsCertificate WILDCARD = SelfSignedCertificates.generate(List.of("*.example.com"), 30);
    private static final TlsCertificate DEFAULT = SelfSignedCertificates.generate(List.of("*.gantry.test"), 30);

    private static Vertx vertx;
    private static Router router;
    private static TestClient client;
    private static TestBackend shop;
    private static TestBackend blog;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        router = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0).withHttpsPort(0));
        router.start();
        client = new TestClient(router.port());
        shop = TestBackend.start(vertx, "shop");
        blog = TestBackend.start(vertx, "blog");
        router.setDefaultCertificate(DEFAULT);
    }

    @AfterAll
    static void stop() throws Exception {
        router.close();
        shop.close();
        blog.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @AfterEach
    void clearRoutes() {
        router.routes().keySet().forEach(router::removeRoute);
    }

    @Test
    void sniPicksTheCertificateOfTheNameAndTheRequestReachesTheApp() throws Exception {
        router.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(shop.backend()), List.of(SHOP), false));

        TlsClient.Answer answer = TlsClient.get(router.httpsPort(), "shop.example.com", "shop.example.com");

        assertEquals(SHOP.certificate(), answer.certificate());
        assertTrue(answer.response().startsWith("HTTP/1.1 200"), answer.response());
        assertTrue(answer.response().endsWith("shop"), answer.response());
    }

    @Test
    void unknownOrMissingServerNameGetsTheDefaultCertificate() throws Exception {
        router.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(shop.backend()), List.of(SHOP), false));

        assertEquals(DEFAULT.certificate(), TlsClient.get(router.httpsPort(), "other.test", "other.test").certificate());
        assertEquals(DEFAULT.certificate(), TlsClient.get(router.httpsPort(), null, "shop.example.com").certificate());
    }

    @Test
    void exactCertificateWinsOverWildcardCertificate() throws Exception {
        router.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(shop.backend()), List.of(SHOP), false));
        router.setRoute(new AppRoute("blog", Set.of("*.example.com"), List.of(blog.backend()), List.of(WILDCARD), false));

        assertEquals(SHOP.certificate(), TlsClient.get(router.httpsPort(), "shop.example.com", "x").certificate());
        assertEquals(WILDCARD.certificate(), TlsClient.get(router.httpsPort(), "news.example.com", "x").certificate());
    }

    @Test
    void aReplacedCertificateServesFromTheNextHandshake() throws Exception {
        router.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(shop.backend()), List.of(SHOP), false));
        TlsClient.get(router.httpsPort(), "shop.example.com", "shop.example.com");

        router.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(shop.backend()), List.of(), false));

        assertEquals(DEFAULT.certificate(),
                TlsClient.get(router.httpsPort(), "shop.example.com", "shop.example.com").certificate());
    }

    @Test
    void redirectsPlainHttpToHttpsWhenTheAppAsks() throws Exception {
        router.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(shop.backend()), List.of(SHOP), true));
        router.setRoute("blog", Set.of("blog.example.com"), List.of(blog.backend()));

        HttpResponse<String> redirected = client.get("shop.example.com:8080", "/cart?item=1");
        assertEquals(308, redirected.statusCode());
        assertEquals("https://shop.example.com:" + router.httpsPort() + "/cart?item=1",
                redirected.headers().firstValue("Location").orElseThrow());
        assertEquals(200, client.get("blog.example.com", "/").statusCode());
        TlsClient.Answer overHttps = TlsClient.get(router.httpsPort(), "shop.example.com", "shop.example.com");
        assertTrue(overHttps.response().startsWith("HTTP/1.1 200"), overHttps.response());
    }

    @Test
    void tellsTheAppTheRequestCameOverHttps() throws Exception {
        router.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(shop.backend()), List.of(SHOP), false));

        TlsClient.Answer answer = TlsClient.get(router.httpsPort(), "shop.example.com", "shop.example.com", "/headers");

        assertTrue(answer.response().contains("x-forwarded-proto: https"), answer.response());
    }
}
