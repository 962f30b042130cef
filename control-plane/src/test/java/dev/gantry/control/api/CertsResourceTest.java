package dev.gantry.control.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.GantryTestResource;
import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.RouteControl;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certificates and the HTTPS redirect over REST, down to the route the (embedded) router serves. */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class CertsResourceTest {

    private static final TlsCertificate SHOP = SelfSignedCertificates.generate(List.of("shop.example.test"), 30);

    @Inject
    GantryConfig config;

    @Inject
    RouteControl router;

    @BeforeEach
    void appWithADomain() throws IOException {
        if (!router.routes().containsKey("certs")) {
            api().contentType("application/octet-stream").queryParam("arg", "apps:create").queryParam("arg", "certs")
                    .post("/api/v1/cli").then().header("X-Gantry-Exit-Code", "0");
            api().body(Map.of("hostname", "shop.example.test")).post("/api/v1/apps/certs/domains")
                    .then().statusCode(201);
        }
    }

    @Test
    void anAddedCertificateIsListedAndGoesToTheRouterWithTheRoute() throws IOException {
        api().body(Map.of("certificate", SHOP.certificatePem(), "key", SHOP.keyPem()))
                .post("/api/v1/apps/certs/certs")
                .then().statusCode(201).body("certificate.domains[0]", equalTo("shop.example.test"));

        api().get("/api/v1/apps/certs/certs").then().statusCode(200)
                .body("[0].fingerprint", equalTo(SHOP.fingerprint()))
                .body("[0].subject", equalTo("CN=shop.example.test"));
        AppRoute route = router.routes().get("certs");
        assertEquals(List.of(SHOP.fingerprint()), route.certificates().stream().map(TlsCertificate::fingerprint).toList());

        api().delete("/api/v1/apps/certs/certs/shop.example.test").then().statusCode(200).body("size()", equalTo(0));
        assertTrue(router.routes().get("certs").certificates().isEmpty());
    }

    @Test
    void aCertificateForNoneOfTheAppsDomainsIsAProblem() throws IOException {
        TlsCertificate other = SelfSignedCertificates.generate(List.of("other.example.test"), 30);

        api().body(Map.of("certificate", other.certificatePem() + other.keyPem()))
                .post("/api/v1/apps/certs/certs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("none of which is a domain of certs"));
    }

    @Test
    void theRedirectSettingReachesTheRouter() throws IOException {
        api().body(Map.of("enabled", true)).put("/api/v1/apps/certs/domains/redirect-https")
                .then().statusCode(200).body("enabled", equalTo(true));
        assertTrue(router.routes().get("certs").redirectHttps());

        api().body(Map.of("enabled", false)).put("/api/v1/apps/certs/domains/redirect-https")
                .then().statusCode(200).body("enabled", equalTo(false));
        api().body(Map.of()).put("/api/v1/apps/certs/domains/redirect-https").then().statusCode(422);
    }

    private RequestSpecification api() throws IOException {
        String token = Files.readString(config.home().resolve("cli-token")).trim();
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }
}
