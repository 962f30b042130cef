package dev.gantry.router;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The hostnames an app answers on and the backends that serve it, in round-robin order.
 * Hostnames are lower case and carry no port.
 */
public record AppRoute(String app, Set<String> hostnames, List<Backend> backends) {

    public AppRoute {
        Objects.requireNonNull(app, "app");
        hostnames = Set.copyOf(hostnames);
        backends = List.copyOf(backends);
    }

    public boolean contains(Backend backend) {
        return backends.contains(backend);
    }
}
