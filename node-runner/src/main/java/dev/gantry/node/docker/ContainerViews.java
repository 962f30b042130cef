package dev.gantry.node.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Ports;
import dev.gantry.node.RunningContainer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads the engine's inspect answer into Gantry's {@link RunningContainer}. */
final class ContainerViews {

    private ContainerViews() {
    }

    static RunningContainer of(InspectContainerResponse c) {
        InspectContainerResponse.ContainerState state = c.getState();
        Ports.Binding published = firstPublished(c);
        return new RunningContainer(
                c.getId(),
                c.getName() == null ? "" : c.getName().replaceFirst("^/", ""),
                c.getConfig() != null ? c.getConfig().getImage() : c.getImageId(),
                c.getConfig() != null && c.getConfig().getLabels() != null ? Map.copyOf(c.getConfig().getLabels()) : Map.of(),
                state != null && Boolean.TRUE.equals(state.getRunning()),
                state != null && state.getExitCodeLong() != null ? state.getExitCodeLong().intValue() : 0,
                startedAt(state),
                published == null ? null : published.getHostIp(),
                published == null ? 0 : parsePort(published.getHostPortSpec()),
                state != null && Boolean.TRUE.equals(state.getOOMKilled()),
                state == null || Boolean.TRUE.equals(state.getRunning()) ? null : time(state.getFinishedAt()),
                health(state));
    }

    /** The engine says {@code starting}, {@code healthy} or {@code unhealthy}, and nothing for an image without a check. */
    private static RunningContainer.Health health(InspectContainerResponse.ContainerState state) {
        if (state == null || state.getHealth() == null || state.getHealth().getStatus() == null) {
            return RunningContainer.Health.NONE;
        }
        return switch (state.getHealth().getStatus()) {
            case "starting" -> RunningContainer.Health.STARTING;
            case "healthy" -> RunningContainer.Health.HEALTHY;
            case "unhealthy" -> RunningContainer.Health.UNHEALTHY;
            default -> RunningContainer.Health.NONE;
        };
    }

    /** Gantry publishes one port per container; the bindings only exist while it runs. */
    private static Ports.Binding firstPublished(InspectContainerResponse c) {
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getPorts() == null) {
            return null;
        }
        for (Ports.Binding[] bindings : c.getNetworkSettings().getPorts().getBindings().values()) {
            if (bindings != null) {
                for (Ports.Binding b : bindings) {
                    if (b != null && parsePort(b.getHostPortSpec()) > 0) {
                        return b;
                    }
                }
            }
        }
        return null;
    }

    private static int parsePort(String spec) {
        try {
            return spec == null || spec.isEmpty() ? 0 : Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant startedAt(InspectContainerResponse.ContainerState state) {
        return state == null ? null : time(state.getStartedAt());
    }

    /** Docker reports a container that never started (or never finished) as started (finished) in year 1. */
    private static Instant time(String engineTime) {
        if (engineTime == null || engineTime.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(engineTime);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
