package dev.gantry.control.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    @TempDir
    Path home;

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theRegistrysCertificateIsForItsAddressSignedByTheClustersOwnCa() throws Exception {
        CertificateAuthority authority = new CertificateAuthority(home.resolve("cluster"), "Gantry cluster CA");
        X509Certificate ca = certificate(authority.certificate());

        authority.issue(List.of("10.0.0.11"), home.resolve("registry.crt"), home.resolve("registry.key"));

        X509Certificate server = certificate(Files.readString(home.resolve("registry.crt")));
        server.verify(ca.getPublicKey());
        assertTrue(ca.getBasicConstraints() >= 0, "the CA may sign");
        assertEquals(-1, server.getBasicConstraints(), "the registry's certificate may not");
        assertEquals(List.of(List.of(7, "10.0.0.11")), server.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage(), "for a TLS server only");
        assertEquals(authority.certificate(), Files.readString(home.resolve("cluster/ca.crt")), "made once, then kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("registry.key"))));
        assertTrue(signs(Files.readString(home.resolve("registry.key")), server), "the key belongs to the certificate");
        assertEquals("CN=Gantry cluster CA", ca.getSubjectX500Principal().getName());
    }

    @Test
    void aServerReachedByNamesAndAddressesGetsThemAllWithTheFirstAsItsCommonName() throws Exception {
        CertificateAuthority authority = new CertificateAuthority(home.resolve("tls"), "Gantry API CA");

        authority.issue(List.of("gantry.example.com", "localhost", "127.0.0.1", "::1"), home.resolve("api.crt"),
                home.resolve("api.key"));

        X509Certificate server = certificate(Files.readString(home.resolve("api.crt")));
        server.verify(certificate(authority.certificate()).getPublicKey());
        assertEquals("CN=gantry.example.com", server.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(2, "gantry.example.com"), List.of(2, "localhost"), List.of(7, "127.0.0.1"),
                List.of(7, "0:0:0:0:0:0:0:1")), server.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
    }

    /** Whether the PKCS#8 PEM key makes signatures the certificate's public key verifies, as the registry's TLS needs. */
    private static boolean signs(String keyPem, X509Certificate certificate) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        return verifier.verify(signature);
    }
}
