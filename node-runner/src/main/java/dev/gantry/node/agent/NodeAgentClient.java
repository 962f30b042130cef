package dev.gantry.node.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.NodeUnavailableException;
import dev.gantry.node.RunningContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A node runner in another process, reached over its HTTP interface ({@link NodeAgentServer}) with the
 * node token. Every call is idempotent, so one that cannot reach the runner (it is restarting) is sent
 * again until it answers or {@code patience} has passed; a deploy in flight rides out a restart of the
 * runner instead of failing. Only {@link #status()} is asked once.
 */
public final class NodeAgentClient implements NodeRunner {

    private static final TypeReference<List<RunningContainer>> CONTAINERS = new TypeReference<>() { };
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final URI base;
    private final String token;
    private final Duration patience;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public NodeAgentClient(URI base, String token, Duration patience) {
        this.base = base;
        this.token = token;
        this.patience = patience;
    }

    @Override
    public RunningContainer place(ContainerSpec spec) {
        HttpResponse<String> answer = send(request("/v1/instances/" + encode(spec.name()), ANSWER_TIMEOUT)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(write(spec))));
        return read(answer.body(), RunningContainer.class);
    }

    @Override
    public void remove(String container, Duration grace) {
        send(request("/v1/instances/" + encode(container) + "?grace=" + seconds(grace), ANSWER_TIMEOUT.plus(grace))
                .DELETE());
    }

    @Override
    public List<RunningContainer> instances(Map<String, String> labels) {
        String query = labels.entrySet().stream()
                .map(label -> "label=" + encode(label.getKey() + "=" + label.getValue()))
                .collect(Collectors.joining("&"));
        return read(send(request("/v1/instances" + (query.isEmpty() ? "" : "?" + query), ANSWER_TIMEOUT).GET()).body(),
                CONTAINERS);
    }

    @Override
    public Optional<RunningContainer> instance(String container) {
        HttpResponse<String> answer = send(request("/v1/instances/" + encode(container), ANSWER_TIMEOUT).GET());
        return answer.statusCode() == 404 ? Optional.empty() : Optional.of(read(answer.body(), RunningContainer.class));
    }

    @Override
    public List<String> keepOnly(String app, Set<String> names, Duration grace) {
        byte[] body = write(new AgentJson.KeepOnly(List.copyOf(names), seconds(grace)));
        HttpResponse<String> answer = send(request("/v1/apps/" + encode(app) + "/instances", ANSWER_TIMEOUT.plus(grace))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        return read(answer.body(), AgentJson.Removed.class).removed();
    }

    /** Asked once, without waiting for a runner that does not answer: a status is for pages that show it now. */
    @Override
    public NodeStatus status() {
        return read(send(request("/v1/status", ANSWER_TIMEOUT).GET(), Duration.ZERO).body(), NodeStatus.class);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    /** The answer, when it is a success or a 404; the runner's problem as the matching exception otherwise. */
    private HttpResponse<String> send(HttpRequest.Builder builder) {
        return send(builder, patience);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, Duration patience) {
        HttpRequest request = builder.build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2 || answer.statusCode() == 404 && request.method().equals("GET")) {
                    return answer;
                }
                throw failure(request, answer);
            } catch (IOException unreachable) {
                if (System.nanoTime() > deadline) {
                    throw new NodeUnavailableException("the node runner at " + base + " does not answer ("
                            + unreachable + "). Start it (./gantry up) and retry", unreachable);
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeUnavailableException("interrupted while waiting for the node runner at " + base, e);
            }
        }
    }

    private RuntimeException failure(HttpRequest request, HttpResponse<String> answer) {
        String detail = detail(answer.body());
        return switch (answer.statusCode()) {
            case 422 -> new ContainerStartFailedException(detail, null);
            case 503 -> new EngineUnavailableException(detail, null);
            case 400 -> new IllegalArgumentException(detail);
            case 401 -> new IllegalStateException("the node runner at " + base + " refused the node token: " + detail
                    + ". The control plane and the node runner must share GANTRY_HOME/node/token");
            default -> new IllegalStateException("the node runner answered " + request.method() + " "
                    + request.uri().getPath() + " with " + answer.statusCode() + ": " + detail);
        };
    }

    private static String detail(String body) {
        try {
            return AgentJson.MAPPER.readValue(body, AgentJson.Problem.class).detail();
        } catch (JsonProcessingException notAProblem) {
            return body;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnavailableException("interrupted while waiting for the node runner", e);
        }
    }

    private static long seconds(Duration grace) {
        return (grace.toMillis() + 999) / 1000;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] write(Object value) {
        try {
            return AgentJson.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String body, Class<T> type) {
        return read(body, AgentJson.MAPPER.constructType(type));
    }

    private static <T> T read(String body, TypeReference<T> type) {
        return read(body, AgentJson.MAPPER.getTypeFactory().constructType(type));
    }

    private static <T> T read(String body, JavaType type) {
        try {
            return AgentJson.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the node runner's answer cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
