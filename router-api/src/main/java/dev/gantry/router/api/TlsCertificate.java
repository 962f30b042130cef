package dev.gantry.router.api;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate chain and its private key, as the router serves them for TLS. Built from PEM (the
 * chain leaf first, the key as PKCS#8 {@code PRIVATE KEY}) with the JDK alone, so the standalone
 * router needs no crypto library. The PEM texts are kept for the admin interface and the state file.
 */
public final class TlsCertificate {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final int DNS_NAME = 2;

    private final String certificatePem;
    private final String keyPem;
    private final X509Certificate[] chain;
    private final PrivateKey key;
    private final String fingerprint;

    private TlsCertificate(String certificatePem, String keyPem, X509Certificate[] chain, PrivateKey key,
            String fingerprint) {
        this.certificatePem = certificatePem;
        this.keyPem = keyPem;
        this.chain = chain;
        this.key = key;
        this.fingerprint = fingerprint;
    }

    /**
     * @param certificatePem one or more {@code CERTIFICATE} blocks, the server's own first
     * @param keyPem one {@code PRIVATE KEY} block (PKCS#8, unencrypted)
     * @throws IllegalArgumentException naming what cannot be read
     */
    public static TlsCertificate fromPem(String certificatePem, String keyPem) {
        List<byte[]> certificates = blocks(certificatePem, "CERTIFICATE");
        List<byte[]> keys = blocks(keyPem, "PRIVATE KEY");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("certificate: no -----BEGIN CERTIFICATE----- block");
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException("key: expected one -----BEGIN PRIVATE KEY----- block (PKCS#8), found "
                    + keys.size());
        }
        X509Certificate[] chain = new X509Certificate[certificates.size()];
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < chain.length; i++) {
                chain[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificates.get(i)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate: not a readable X.509 certificate (" + e.getMessage() + ")", e);
        }
        PrivateKey key = privateKey(keys.get(0), chain[0].getPublicKey().getAlgorithm());
        return new TlsCertificate(certificatePem, keyPem, chain, key, fingerprintOf(chain[0]));
    }

    public String certificatePem() {
        return certificatePem;
    }

    public String keyPem() {
        return keyPem;
    }

    /** Lower-case hex SHA-256 of the server certificate's DER form, as browsers show it. */
    public String fingerprint() {
        return fingerprint;
    }

    public X509Certificate certificate() {
        return chain[0];
    }

    /** The DNS names of the certificate's subject alternative names, lower case ({@code *.} for wildcards). */
    public List<String> dnsNames() {
        List<String> names = new ArrayList<>();
        try {
            var alternatives = chain[0].getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (name.get(0) instanceof Integer type && type == DNS_NAME) {
                        names.add(name.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate: unreadable subject alternative names", e);
        }
        return names;
    }

    /** The chain, leaf first (a copy), as a key manager hands it out. */
    public X509Certificate[] chain() {
        return chain.clone();
    }

    public PrivateKey privateKey() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsCertificate that && fingerprint.equals(that.fingerprint)
                && keyPem.equals(that.keyPem) && certificatePem.equals(that.certificatePem);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "TlsCertificate" + dnsNames() + " sha256:" + fingerprint;
    }

    private static List<byte[]> blocks(String pem, String type) {
        List<byte[]> found = new ArrayList<>();
        Matcher matcher = PEM.matcher(pem == null ? "" : pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                found.add(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return found;
    }

    private static PrivateKey privateKey(byte[] pkcs8, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key: not a readable " + algorithm
                    + " private key for this certificate (" + e.getMessage() + ")", e);
        }
    }

    private static String fingerprintOf(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate: cannot be encoded (" + e.getMessage() + ")", e);
        }
    }
}
