package dev.gantry.control.domain;

import dev.gantry.control.secrets.EncryptedTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A TLS certificate chain and private key an app's domains are served with over HTTPS. The key is
 * sealed at rest with the config key ({@link EncryptedTextConverter}).
 */
@Entity
@Table(name = "certificate")
public class Certificate extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public App app;

    @Column(nullable = false, unique = true, length = 64)
    public String fingerprint;

    @Column(name = "dns_names", nullable = false)
    public String dnsNames;

    @Column(nullable = false)
    public String chain;

    @Convert(converter = EncryptedTextConverter.class)
    @Column(name = "private_key", nullable = false)
    public String privateKey;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> dnsNameList() {
        return Arrays.asList(dnsNames.split(","));
    }

    public static List<Certificate> of(App app) {
        return list("app = ?1 order by notAfter", app);
    }

    public static boolean exists(String fingerprint) {
        return count("fingerprint", fingerprint) > 0;
    }
}
