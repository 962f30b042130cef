package dev.gantry.control.routing;

import dev.gantry.control.InvalidInputException;
import dev.gantry.router.api.TlsCertificate;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Reads what {@code certs:add} is given: one PEM stream with the certificate chain (the server's own
 * certificate first) and its private key, and refuses what the router could not serve: unreadable
 * PEM, a key of another certificate, a certificate out of its validity period, no DNS name.
 */
final class CertificateBundle {

    private static final String CONVERT = ". Convert the key with: openssl pkey -in key.pem -out key-pkcs8.pem";
    private static final Map<String, String> SIGNATURES = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "Ed25519", "Ed25519", "EdDSA", "Ed25519");

    private CertificateBundle() {
    }

    static TlsCertificate read(String pem, Instant now) {
        String text = pem == null ? "" : pem;
        for (String legacy : new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"}) {
            if (text.contains("-----BEGIN " + legacy + "-----")) {
                throw new InvalidInputException("the key is a " + legacy + " block; Gantry takes an unencrypted PKCS#8"
                        + " key (-----BEGIN PRIVATE KEY-----)" + CONVERT);
            }
        }
        TlsCertificate certificate;
        try {
            certificate = TlsCertificate.fromPem(text, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage() + ". Send the certificate chain and its private key as PEM"
                    + " in one stream, e.g. cat fullchain.pem privkey.pem | ... certs:add APP");
        }
        requireMatchingKey(certificate);
        try {
            certificate.certificate().checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new InvalidInputException("the certificate expired on " + notAfter(certificate)
                    + ". Renew it and add the new one");
        } catch (CertificateNotYetValidException e) {
            throw new InvalidInputException("the certificate is valid only from "
                    + certificate.certificate().getNotBefore().toInstant() + ". Add it from then on");
        }
        if (certificate.dnsNames().isEmpty()) {
            throw new InvalidInputException("the certificate names no DNS name (subject alternative name), which"
                    + " clients need to match it. Request one with the domain as a subject alternative name");
        }
        return certificate;
    }

    static Instant notAfter(TlsCertificate certificate) {
        return certificate.certificate().getNotAfter().toInstant();
    }

    // A signature the certificate's public key verifies proves the key pair, whatever the algorithm.
    private static void requireMatchingKey(TlsCertificate certificate) {
        PublicKey publicKey = certificate.certificate().getPublicKey();
        String algorithm = SIGNATURES.get(publicKey.getAlgorithm());
        if (algorithm == null) {
            throw new InvalidInputException("the certificate's key is " + publicKey.getAlgorithm()
                    + "; Gantry serves RSA, EC and Ed25519 keys");
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            PrivateKey privateKey = certificate.privateKey();
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (verifier.verify(signer.sign())) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // reported below: a key of another type or size cannot sign for this certificate either
        }
        throw new InvalidInputException("the private key does not belong to the certificate (the first CERTIFICATE"
                + " block). Send the key the certificate was issued for");
    }
}
