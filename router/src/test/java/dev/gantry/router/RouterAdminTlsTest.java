package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AdminTls;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.RouterAdminClient;
import dev.gantry.router.api.RouterUnavailableException;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin interface of a router on a host of its own: HTTPS with a certificate the control plane pins. */
class RouterAdminTlsTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final TlsCertificate ISSUED = SelfSignedCertificates.generate(List.of("localhost"), 30);

    @TempDir
    Path home;
    private Vertx vertx;
    private Router router;
    private RouterAdminServer admin;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        router = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0));
        router.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        router.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void servesHttpsWithTheCertificateCopiedNextToTheToken() throws Exception {
        writeIssued(home);
        admin = new RouterAdminServer(router, TOKEN, "127.0.0.1", 0, AdminTls.serving(home).orElseThrow());
        admin.start();
        RouterAdminClient control = new RouterAdminClient(URI.create("https://localhost:" + admin.port()), TOKEN,
                AdminTls.trusting(ISSUED.certificatePem()), Duration.ZERO);

        control.setRoute("shop", Set.of("shop.example.com"), List.of(new Backend("10.0.0.5", 31001)));

        assertEquals(Set.of("shop"), router.routes().keySet());
        assertEquals("127.0.0.1:" + admin.port() + " over HTTPS", admin.address());
    }

    @Test
    void aClientThatPinsAnotherAuthorityGetsNoAnswer() throws Exception {
        writeIssued(home);
        admin = new RouterAdminServer(router, TOKEN, "127.0.0.1", 0, AdminTls.serving(home).orElseThrow());
        admin.start();
        TlsCertificate other = SelfSignedCertificates.generate(List.of("localhost"), 30);
        RouterAdminClient stranger = new RouterAdminClient(URI.create("https://localhost:" + admin.port()), TOKEN,
                AdminTls.trusting(other.certificatePem()), Duration.ZERO);

        assertThrows(RouterUnavailableException.class, stranger::routes);
        assertEquals(Set.of(), router.routes().keySet());
    }

    @Test
    void refusesPlainHttpOnAnAddressOtherThanLoopbackNamingTheFiles() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new RouterAdminServer(router, TOKEN, "0.0.0.0", 0, null));

        assertTrue(refused.getMessage().contains("admin-tls.crt and admin-tls.key under GANTRY_HOME/router"),
                refused.getMessage());
    }

    @Test
    void noFilesMeansPlainHttp() {
        assertTrue(AdminTls.serving(home).isEmpty());
    }

    private static void writeIssued(Path dir) throws IOException {
        Files.writeString(dir.resolve(AdminTls.CERTIFICATE), ISSUED.certificatePem());
        Files.writeString(dir.resolve(AdminTls.KEY), ISSUED.keyPem());
    }
}
