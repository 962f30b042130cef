package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * HTTPS as users get it: a certificate added for a domain is what a client asking for that name
 * (SNI) sees, other names get the self-signed default, plain HTTP can redirect, and domains and
 * wildcards belong to one app, wildcards added by admins only. Clients are curl and openssl.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsIT {

    private static final String APP = "e2e-tls";
    private static final String OTHER = "e2e-tls-b";
    private static final String DOMAIN = "www.tls.test";
    private static final String SERVE = "CMD exec httpd -f -p $PORT -h /www";

    private GantryTestbed testbed;
    private GantryUser admin;
    private TlsCertificate certificate;

    @BeforeAll
    void deploy() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        admin = testbed.user;
        assertTrue(admin.ssh("apps:create", APP).ok());
        assertTrue(admin.ssh("apps:create", OTHER).ok());
        assertTrue(admin.ssh("deploy:set", APP, "watch=0s", "drain-timeout=1s").ok());
        assertTrue(testbed.push("first", SERVE).ok());
        certificate = SelfSignedCertificates.generate(List.of(DOMAIN), 30);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            admin.gantryCli("apps:destroy", OTHER, "--force");
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void httpsWithAnAddedCertificateAnswersWithThatCertificateForItsName() throws Exception {
        assertTrue(admin.ssh("domains:add", APP, DOMAIN).ok());

        Cli.Result added = admin.ssh(bundle(certificate.certificatePem() + certificate.keyPem()), "certs:add", APP);

        assertTrue(added.ok(), added.output());
        assertTrue(added.output().contains(APP + " serves " + DOMAIN + " over HTTPS"), added.output());
        assertEquals(certificate.fingerprint(), fingerprintServedFor(DOMAIN));
        assertEquals("first", https(DOMAIN).trim());
        assertTrue(admin.ssh("certs", APP).output().contains(certificate.fingerprint()));
    }

    @Test
    @Order(2)
    void otherNamesGetTheSelfSignedDefaultForTheBaseDomain() {
        String served = Cli.ok(testbed.work, Map.of(), "bash", "-c", "openssl s_client -connect 127.0.0.1:"
                + testbed.gantry.routerHttpsPort + " -servername " + APP + ".localhost </dev/null 2>/dev/null"
                + " | openssl x509 -noout -subject").output();
        assertTrue(served.contains("*.localhost"), served);
    }

    @Test
    @Order(3)
    void certificatesThatCannotServeTheAppsDomainsAreRefused() throws Exception {
        TlsCertificate stranger = SelfSignedCertificates.generate(List.of("nobody.tls.test"), 30);
        assertRefused(admin.ssh(bundle(stranger.certificatePem() + stranger.keyPem()), "certs:add", APP),
                "none of which is a domain of " + APP);
        assertRefused(admin.ssh(bundle(certificate.certificatePem() + stranger.keyPem()), "certs:add", APP),
                "the private key does not belong to the certificate");
        assertRefused(admin.ssh(bundle("hello"), "certs:add", APP), "no -----BEGIN CERTIFICATE----- block");
    }

    @Test
    @Order(4)
    void plainHttpRedirectsToHttpsWhenTheAppAsks() throws Exception {
        assertTrue(admin.ssh("domains:redirect-https", APP, "on").ok());
        assertTrue(admin.ssh("domains", APP).output().contains("HTTP to HTTPS redirect: on"));

        HttpResponse<String> redirected = admin.getHost(DOMAIN);
        assertEquals(308, redirected.statusCode());
        assertEquals("https://" + DOMAIN + ":" + testbed.gantry.routerHttpsPort + "/",
                redirected.headers().firstValue("Location").orElseThrow());
        assertEquals("first", https(DOMAIN).trim());

        assertTrue(admin.ssh("domains:redirect-https", APP, "off").ok());
        assertEquals(200, admin.getHost(DOMAIN).statusCode());
    }

    @Test
    @Order(5)
    void aSecondAppCannotTakeADomainOrWildcardAndMembersAddNoWildcard() throws Exception {
        assertRefused(admin.ssh("domains:add", OTHER, DOMAIN), "belongs to another app");
        Cli.Result wildcard = admin.ssh("domains:add", APP, "*.wild.tls.test");
        assertTrue(wildcard.ok(), wildcard.output());
        assertEquals("first", admin.getHost("anything.wild.tls.test").body().trim());
        assertRefused(admin.ssh("domains:add", OTHER, "*.wild.tls.test"), "belongs to another app");

        assertTrue(admin.gantryCli("users:add", "bob").ok());
        GantryUser bob = new GantryUser(testbed.gantry, Files.createDirectories(testbed.work.resolve("bob")));
        assertTrue(bob.registerKey("bob").ok());
        assertTrue(admin.ssh("apps:share", OTHER, "bob").ok());
        assertRefused(bob.ssh("domains:add", OTHER, "*.bob.tls.test"), "only admins may add a wildcard domain");
        assertTrue(bob.ssh("domains:add", OTHER, "www.bob.tls.test").ok());
    }

    @Test
    @Order(6)
    void aRemovedCertificateLeavesTheDefaultAndTheHostCliAddsOneFromTwoFiles() throws Exception {
        Cli.Result removed = admin.ssh("certs:remove", APP, DOMAIN);

        assertTrue(removed.ok(), removed.output());
        assertNotEquals(certificate.fingerprint(), fingerprintServedFor(DOMAIN));
        assertEquals("first", https(DOMAIN).trim());

        Cli.Result added = admin.gantryCli("certs:add", APP, bundle(certificate.certificatePem()).toString(),
                bundle(certificate.keyPem()).toString());
        assertTrue(added.ok(), added.output());
        assertEquals(certificate.fingerprint(), fingerprintServedFor(DOMAIN));
    }

    private Path bundle(String pem) throws Exception {
        return Files.writeString(Files.createTempFile(testbed.work, "bundle", ".pem"), pem);
    }

    /** The body curl gets over HTTPS for {@code host} (as SNI and Host), the certificate not checked. */
    private String https(String host) {
        int port = testbed.gantry.routerHttpsPort;
        return Cli.ok(testbed.work, Map.of(), "curl", "-sSk", "--max-time", "10", "--resolve",
                host + ":" + port + ":127.0.0.1", "https://" + host + ":" + port + "/").output();
    }

    /** SHA-256 of the certificate the router presents to a client asking for {@code serverName}. */
    private String fingerprintServedFor(String serverName) {
        String line = Cli.ok(testbed.work, Map.of(), "bash", "-c", "openssl s_client -connect 127.0.0.1:"
                + testbed.gantry.routerHttpsPort + " -servername " + serverName + " </dev/null 2>/dev/null"
                + " | openssl x509 -noout -fingerprint -sha256").output();
        return line.substring(line.indexOf('=') + 1).strip().replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static void assertRefused(Cli.Result result, String message) {
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
    }
}
