package dev.gantry.router;

import dev.gantry.router.api.TlsCertificate;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the certificate of each TLS handshake by the server name the client asked for (SNI), from
 * the route table current at that handshake. Certificates therefore change with the table, without
 * a restart and without a per-name SSL context cache, which would keep serving a replaced certificate.
 * Aliases are certificate fingerprints, so a table swapped between the JDK's calls never pairs one
 * certificate's chain with another's key.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private final AtomicReference<RouteTable> table;

    SniKeyManager(AtomicReference<RouteTable> table) {
        this.table = table;
    }

    /** A server TLS context that serves this key manager's choice of certificate, over the JDK's TLS. */
    SslContext sslContext() {
        KeyManagerFactory factory = new KeyManagerFactory(new KeyManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore, char[] password) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
            }

            @Override
            protected KeyManager[] engineGetKeyManagers() {
                return new KeyManager[] {SniKeyManager.this};
            }
        }, null, "SNI") { };
        try {
            return SslContextBuilder.forServer(factory).sslProvider(SslProvider.JDK).build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS could not be set up: " + e.getMessage(), e);
        }
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        TlsCertificate certificate = table.get().certificateByFingerprint(alias);
        return certificate == null ? null : certificate.chain();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        TlsCertificate certificate = table.get().certificateByFingerprint(alias);
        return certificate == null ? null : certificate.privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    // The router is never a TLS client.
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    // The JDK asks once per key type it could use; answering only for the certificate's own type lets it
    // pick the signature scheme that fits the key.
    private String aliasFor(String keyType, SSLSession handshake) {
        TlsCertificate certificate = table.get().certificateFor(serverName(handshake));
        return certificate != null && certificate.privateKey().getAlgorithm().equals(keyType) ? certificate.fingerprint() : null;
    }

    private static String serverName(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return null;
    }
}
