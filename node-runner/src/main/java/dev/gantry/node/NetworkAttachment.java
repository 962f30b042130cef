package dev.gantry.node;

import java.util.List;
import java.util.Objects;

/**
 * The engine network a container joins instead of the engine's default bridge, and the names it
 * answers to there ({@code web.internal}): containers on one network reach each other by those
 * names; containers on other networks cannot reach it at all. {@code overlay} names the network the
 * app has on a cluster, which spans its hosts (null: none); it cannot be the bridge's name, which
 * instances from before the cluster may still use, and a cluster's network names are DNS labels.
 */
public record NetworkAttachment(String network, List<String> aliases, String overlay) {

    public NetworkAttachment {
        Objects.requireNonNull(network, "network");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** An attachment of one host alone. */
    public NetworkAttachment(String network, List<String> aliases) {
        this(network, aliases, null);
    }
}
