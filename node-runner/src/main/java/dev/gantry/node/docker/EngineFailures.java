package dev.gantry.node.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.EngineUnavailableException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells "the engine is not there" apart from "the engine said no", and phrases both for a person.
 * The transport wraps a missing socket, a refused connection or a permission problem in a
 * RuntimeException around a {@link SocketException}, so the cause chain is read for the reason.
 */
final class EngineFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineFailures() {
    }

    /** The unavailability behind {@code failure}, if it is one. */
    static Optional<EngineUnavailableException> unavailable(Throwable failure, String dockerHost) {
        if (failure instanceof EngineUnavailableException e) {
            return Optional.of(e);
        }
        if (failure instanceof DockerException) {
            return Optional.empty(); // the engine answered, with an HTTP error
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String reason = reason(t);
            if (reason != null) {
                return Optional.of(new EngineUnavailableException(message(dockerHost, reason), failure));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Rethrows {@code failure} as {@link EngineUnavailableException} when it is a connection problem. */
    static RuntimeException translate(RuntimeException failure, String dockerHost) {
        return unavailable(failure, dockerHost).<RuntimeException>map(e -> e).orElse(failure);
    }

    /** The engine's own words from an HTTP error, without docker-java's "Status 500: {json}" wrapping. */
    static String engineMessage(DockerException e) {
        String text = String.valueOf(e.getMessage());
        int json = text.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode message = JSON.readTree(text.substring(json)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException ignored) {
                // not JSON after all: fall through to the raw text
            }
        }
        return text.replaceFirst("^Status \\d+: ", "").strip();
    }

    static String message(String dockerHost, String reason) {
        String fix = reason.equals("permission denied")
                ? "Run Gantry as a user in the 'docker' group (or root), or set DOCKER_HOST to a socket it may use, and retry."
                : "Start it (`systemctl start docker` or `dockerd`), or set DOCKER_HOST to where it listens, and retry.";
        return "the Docker engine is not reachable at " + dockerHost + " (" + reason + "). " + fix;
    }

    /** What a transport-level failure means, or null when {@code t} is not one. */
    private static String reason(Throwable t) {
        if (!(t instanceof IOException)) {
            return null;
        }
        String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no such file")) {
            return "no socket there";
        }
        if (text.contains("refused")) {
            return "connection refused";
        }
        if (text.contains("permission denied")) {
            return "permission denied";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof SocketTimeoutException || t instanceof ConnectException || t instanceof SocketException) {
            return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        return null;
    }
}
