package dev.gantry.control.services;

import dev.gantry.control.domain.BackingService;
import dev.gantry.control.domain.ServiceLink;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What it takes to run a service, read from its rows in one transaction: name, kind, version, password
 * and the apps whose networks it is on. PostgreSQL's role and database are named after the service.
 */
record ServiceSpec(String name, ServiceKind kind, String version, String password, List<String> linkedApps) {

    /** Bytes of randomness in a password: 32, as base64url without padding (43 characters, safe in a URL). */
    static final int PASSWORD_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static ServiceSpec of(BackingService service) {
        return new ServiceSpec(service.name, ServiceKind.of(service.type), service.version, service.password,
                ServiceLink.of(service).stream().map(link -> link.app.name).toList());
    }

    static String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How linked apps (and one-off runs) reach the service: by its name, on their network. */
    ServiceKind.ServiceAddress address() {
        return new ServiceKind.ServiceAddress(name, name, name, password);
    }

    /** What the image's scripts read: who to be, and where the service is. */
    Map<String, String> environment() {
        return Map.of("GANTRY_SERVICE_HOST", name, "GANTRY_SERVICE_USER", name,
                "GANTRY_SERVICE_DATABASE", name, "GANTRY_SERVICE_PASSWORD", password);
    }

    /** Never the password: records end up in logs. */
    @Override
    public String toString() {
        return kind.word() + " " + name + " (" + kind.product() + " " + version + ")";
    }
}
