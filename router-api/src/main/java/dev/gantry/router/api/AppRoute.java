package dev.gantry.router.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The hostnames an app answers on and the backends that serve it, in round-robin order.
 * Hostnames are lower case and carry no port; {@code *.example.com} answers for every name one
 * label below example.com that no route names exactly.
 *
 * @param certificates served over HTTPS for the names in their subject alternative names
 * @param redirectHttps plain HTTP requests are answered 308 to the same URL over HTTPS
 */
public record AppRoute(String app, Set<String> hostnames, List<Backend> backends, List<TlsCertificate> certificates,
        boolean redirectHttps) {

    public AppRoute {
        Objects.requireNonNull(app, "app");
        hostnames = Set.copyOf(hostnames);
        backends = List.copyOf(backends);
        certificates = List.copyOf(certificates);
    }

    /** Plain HTTP only: no certificates, no redirect. */
    public AppRoute(String app, Set<String> hostnames, List<Backend> backends) {
        this(app, hostnames, backends, List.of(), false);
    }

    public boolean contains(Backend backend) {
        return backends.contains(backend);
    }
}
