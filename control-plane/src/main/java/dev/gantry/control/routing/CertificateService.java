package dev.gantry.control.routing;

import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Certificate;
import dev.gantry.control.domain.Domain;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.router.api.TlsCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code certs:add APP < bundle.pem}: the certificates the router serves an app's domains with over
 * HTTPS (by SNI), from the next handshake on. A certificate must cover at least one of the app's
 * domains; it serves only those. One that covers every domain an older one of the app serves
 * replaces it, so renewing is adding the new certificate.
 */
@ApplicationScoped
public class CertificateService {

    /** What {@code certs APP} shows of a certificate. */
    public record Summary(List<String> domains, List<String> dnsNames, Instant notAfter, String fingerprint,
            String subject) {

        static Summary of(Certificate certificate, Set<String> appDomains) {
            List<String> names = certificate.dnsNameList();
            TlsCertificate parsed = TlsCertificate.fromPem(certificate.chain, certificate.privateKey);
            return new Summary(names.stream().filter(appDomains::contains).toList(), names, certificate.notAfter,
                    certificate.fingerprint, parsed.certificate().getSubjectX500Principal().getName());
        }
    }

    /** The added certificate, and the fingerprints of those it replaced. */
    public record Added(Summary certificate, List<String> replaced) {
    }

    private final AppService apps;
    private final AppRoutes routes;
    private final AppLocks locks;
    private final AppEvents events;

    CertificateService(AppService apps, AppRoutes routes, AppLocks locks, AppEvents events) {
        this.apps = apps;
        this.routes = routes;
        this.locks = locks;
        this.events = events;
    }

    @Transactional
    public List<Summary> certificates(String app) {
        App found = apps.get(app);
        Set<String> domains = domainsOf(found);
        return Certificate.of(found).stream().map(certificate -> Summary.of(certificate, domains)).toList();
    }

    public Added add(String app, String pemBundle, String user) {
        TlsCertificate certificate = CertificateBundle.read(pemBundle, Instant.now());
        apps.get(app);
        Added added;
        try (AppLocks.Held lock = locks.acquire(app, line -> { })) {
            added = store(app, certificate, user);
            routes.refresh(app);
        }
        events.record(app, "certificate for " + String.join(", ", added.certificate().domains()) + " (sha256 "
                + certificate.fingerprint() + ") added by " + user);
        return added;
    }

    public void remove(String app, String hostname, String user) {
        String name = hostname == null ? "" : hostname.toLowerCase(Locale.ROOT);
        apps.get(app);
        List<String> removed;
        try (AppLocks.Held lock = locks.acquire(app, line -> { })) {
            removed = delete(app, name);
            routes.refresh(app);
        }
        events.record(app, "certificate(s) for " + name + " removed by " + user + " (sha256 "
                + String.join(", ", removed) + ")");
    }

    @Transactional
    Added store(String appName, TlsCertificate certificate, String user) {
        App app = apps.get(appName);
        if (Certificate.exists(certificate.fingerprint())) {
            throw new ConflictException("this certificate (sha256 " + certificate.fingerprint() + ") is already added."
                    + " Run 'certs " + appName + "' to list them");
        }
        Set<String> domains = domainsOf(app);
        Set<String> covered = certificate.dnsNames().stream().filter(domains::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        if (covered.isEmpty()) {
            throw new InvalidInputException("the certificate is for " + String.join(", ", certificate.dnsNames())
                    + ", none of which is a domain of " + appName + (domains.isEmpty() ? " (it has none)"
                    : " (" + String.join(", ", domains) + ")") + ". Add the domain first: domains:add " + appName
                    + " " + certificate.dnsNames().get(0));
        }
        List<String> replaced = Certificate.of(app).stream()
                .filter(older -> covered.containsAll(older.dnsNameList().stream().filter(domains::contains).toList()))
                .map(older -> {
                    older.delete();
                    return older.fingerprint;
                })
                .toList();
        Certificate stored = new Certificate();
        stored.app = app;
        stored.fingerprint = certificate.fingerprint();
        stored.dnsNames = String.join(",", certificate.dnsNames());
        stored.chain = certificate.certificatePem();
        stored.privateKey = certificate.keyPem();
        stored.notAfter = CertificateBundle.notAfter(certificate);
        stored.createdBy = user;
        stored.createdAt = Instant.now();
        stored.persist();
        return new Added(Summary.of(stored, domains), replaced);
    }

    @Transactional
    List<String> delete(String appName, String hostname) {
        App app = apps.get(appName);
        List<Certificate> covering = Certificate.of(app).stream()
                .filter(certificate -> certificate.dnsNameList().contains(hostname)).toList();
        if (covering.isEmpty()) {
            throw new NotFoundException("no certificate of " + appName + " is for " + hostname
                    + ". Run 'certs " + appName + "' to list them");
        }
        covering.forEach(Certificate::delete);
        return covering.stream().map(certificate -> certificate.fingerprint).toList();
    }

    private static Set<String> domainsOf(App app) {
        return Domain.of(app).stream().map(domain -> domain.hostname).collect(Collectors.toSet());
    }
}
