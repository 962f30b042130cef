package dev.gantry.node;

import java.util.List;
import java.util.Objects;

/**
 * The engine network a container joins instead of the engine's default bridge, and the names it
 * answers to there ({@code web.internal}): containers on one network reach each other by those
 * names; containers on other networks cannot reach it at all.
 */
public record NetworkAttachment(String network, List<String> aliases) {

    public NetworkAttachment {
        Objects.requireNonNull(network, "network");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
