package dev.gantry.control.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AdminTls;
import dev.gantry.router.api.TlsCertificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterAdminCertificatesTest {

    @TempDir
    Path home;

    @Test
    void issuesOnceForTheRoutersAddressSignedByTheClusterCa() throws Exception {
        RouterAdminCertificates certificates = new RouterAdminCertificates(home);

        certificates.ensure("10.0.0.12");
        Path dir = certificates.directory("10.0.0.12");
        String first = Files.readString(dir.resolve(AdminTls.CERTIFICATE));
        certificates.ensure("10.0.0.12");

        assertEquals(first, Files.readString(dir.resolve(AdminTls.CERTIFICATE)), "kept, not issued again");
        X509Certificate issued = TlsCertificate.fromPem(first, Files.readString(dir.resolve(AdminTls.KEY))).certificate();
        assertTrue(issued.getSubjectAlternativeNames().stream().anyMatch(san -> san.get(1).equals("10.0.0.12")),
                issued.getSubjectAlternativeNames().toString());
        assertEquals(Files.readString(home.resolve("cluster/ca.crt")), certificates.authority(), "the registry's CA");
        issued.verify(((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(certificates.authority().getBytes(StandardCharsets.US_ASCII)))).getPublicKey());
    }
}
