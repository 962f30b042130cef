package dev.gantry.control.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCertificateTest {

    @TempDir
    Path home;

    @Test
    void gantrysOwnCertificateIsKeptWhileItNamesTheHostAndIssuedAgainWhenANameIsNew() throws Exception {
        ApiCertificate api = new ApiCertificate(home, Optional.empty(), Optional.empty());

        ApiCertificate.PemFiles first = api.serve(List.of("gantry.example.com", "127.0.0.1", "::1"));
        String issued = Files.readString(first.certificate());
        String ca = Files.readString(home.resolve("tls/ca.crt"));
        api.serve(List.of("gantry.example.com", "127.0.0.1", "0:0:0:0:0:0:0:1"));
        assertEquals(issued, Files.readString(first.certificate()), "the same names: kept");

        api.serve(List.of("gantry.example.com", "127.0.0.1", "10.0.0.11"));

        assertNotEquals(issued, Files.readString(first.certificate()), "a new address: issued again");
        assertEquals(ca, Files.readString(home.resolve("tls/ca.crt")), "by the same CA, which clients already trust");
        assertTrue(ApiCertificate.covers(first.certificate(), List.of("GANTRY.example.com", "10.0.0.11"), Instant.now()));
        assertTrue(!ApiCertificate.covers(first.certificate(), List.of("10.0.0.11"),
                Instant.now().plusSeconds(CertificateAuthority.SERVER_DAYS * 86_400L)), "run out by then: issued again");
    }

    @Test
    void theOperatorsOwnCertificateIsServedAsItIsAndNeedsItsKey() throws Exception {
        Path certificate = Files.writeString(home.resolve("own.crt"), "-----BEGIN CERTIFICATE-----\n");
        Path key = Files.writeString(home.resolve("own.key"), "-----BEGIN PRIVATE KEY-----\n");

        ApiCertificate.PemFiles served = new ApiCertificate(home, Optional.of(certificate), Optional.of(key))
                .serve(List.of("localhost"));

        assertEquals(new ApiCertificate.PemFiles(certificate, key), served);
        assertTrue(!Files.exists(home.resolve("tls")), "no CA made for nothing");
        IllegalStateException alone = assertThrows(IllegalStateException.class,
                () -> new ApiCertificate(home, Optional.of(certificate), Optional.empty()).serve(List.of("localhost")));
        assertTrue(alone.getMessage().contains("GANTRY_API_TLS_CERT and GANTRY_API_TLS_KEY go together"), alone.getMessage());
        RuntimeException unreadable = assertThrows(RuntimeException.class, () -> new ApiCertificate(home,
                Optional.of(home.resolve("missing.crt")), Optional.of(key)).serve(List.of("localhost")));
        assertTrue(unreadable.getMessage().contains("GANTRY_API_TLS_CERT names " + home.resolve("missing.crt")),
                unreadable.getMessage());
    }
}
