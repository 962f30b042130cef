package dev.gantry.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for a service reached over the network: the server shows a certificate of Gantry's own
 * authority, and the client trusts that authority alone (pinned), not the JDK's list.
 */
public final class ServiceTls {

    private ServiceTls() {
    }

    /** What a {@link ServiceServer} serves HTTPS with: {@code chain} (its own certificate first) and its key. */
    public static SSLContext serving(PrivateKey key, X509Certificate[] chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("service", key, password, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot serve TLS with the certificate of " + chain[0].getSubjectX500Principal()
                    + ": " + e.getMessage(), e);
        }
    }

    /** What a {@link ServiceClient} trusts when it should trust the servers {@code authority} signed, and no others. */
    public static SSLContext trusting(X509Certificate authority) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("authority", authority);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust " + authority.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /** The same, for an authority given as PEM text (the cluster's CA, as its file holds it). */
    public static SSLContext trusting(String authorityPem) {
        try {
            X509Certificate authority = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(authorityPem.getBytes(StandardCharsets.US_ASCII)));
            return trusting(authority);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the CA certificate cannot be read: " + e.getMessage(), e);
        }
    }
}
