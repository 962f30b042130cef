package dev.gantry.control.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.InvalidInputException;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateBundleTest {

    private static final TlsCertificate SHOP = SelfSignedCertificates.generate(List.of("shop.example.com", "*.shop.example.com"), 30);
    private static final TlsCertificate OTHER = SelfSignedCertificates.generate(List.of("other.example.com"), 30);

    @Test
    void readsAChainAndItsKeyFromOneStreamInEitherOrder() {
        TlsCertificate read = CertificateBundle.read(SHOP.keyPem() + SHOP.certificatePem(), Instant.now());

        assertEquals(SHOP.fingerprint(), read.fingerprint());
        assertEquals(List.of("shop.example.com", "*.shop.example.com"), read.dnsNames());
    }

    @Test
    void refusesTheKeyOfAnotherCertificate() {
        assertRefused(SHOP.certificatePem() + OTHER.keyPem(), Instant.now(), "the private key does not belong");
    }

    @Test
    void refusesAnExpiredCertificateSayingWhen() {
        Instant later = Instant.now().plus(Duration.ofDays(31));

        assertRefused(SHOP.certificatePem() + SHOP.keyPem(), later, "the certificate expired on");
    }

    @Test
    void refusesKeysInOlderFormatsWithTheCommandToConvertThem() {
        String legacy = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";

        assertRefused(SHOP.certificatePem() + legacy, Instant.now(), "openssl pkey -in key.pem -out key-pkcs8.pem");
    }

    @Test
    void refusesWhatIsNotPem() {
        assertRefused("hello", Instant.now(), "no -----BEGIN CERTIFICATE----- block");
        assertRefused(SHOP.certificatePem(), Instant.now(), "found 0");
    }

    private static void assertRefused(String bundle, Instant now, String message) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> CertificateBundle.read(bundle, now));
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }
}
