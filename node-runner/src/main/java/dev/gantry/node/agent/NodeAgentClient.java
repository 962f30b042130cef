package dev.gantry.node.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.NodeUnavailableException;
import dev.gantry.node.RunningContainer;
import dev.gantry.service.ServiceClient;
import dev.gantry.service.ServiceProblem;
import dev.gantry.service.ServiceUnreachableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

    private final ServiceClient runner;
    private final Duration patience;

    public NodeAgentClient(URI base, String token, Duration patience) {
        this.runner = new ServiceClient(base, token);
        this.patience = patience;
    }

    @Override
    public RunningContainer place(ContainerSpec spec) {
        return ask("PUT", "/v1/instances/" + ServiceClient.segment(spec.name()), ANSWER_TIMEOUT,
                call -> call.body(spec).send(RunningContainer.class));
    }

    @Override
    public void remove(String container, Duration grace) {
        ask("DELETE", "/v1/instances/" + ServiceClient.segment(container) + "?grace=" + seconds(grace),
                ANSWER_TIMEOUT.plus(grace), call -> call.send(Void.class));
    }

    @Override
    public List<RunningContainer> instances(Map<String, String> labels) {
        String query = labels.entrySet().stream()
                .map(label -> "label=" + ServiceClient.segment(label.getKey() + "=" + label.getValue()))
                .collect(Collectors.joining("&"));
        return ask("GET", "/v1/instances" + (query.isEmpty() ? "" : "?" + query), ANSWER_TIMEOUT,
                call -> call.send(CONTAINERS));
    }

    @Override
    public Optional<RunningContainer> instance(String container) {
        return ask("GET", "/v1/instances/" + ServiceClient.segment(container), ANSWER_TIMEOUT, call -> {
            try {
                return Optional.of(call.send(RunningContainer.class));
            } catch (ServiceProblem problem) {
                if (problem.status() == 404) {
                    return Optional.empty();
                }
                throw problem;
            }
        });
    }

    @Override
    public List<String> keepOnly(String app, Set<String> names, Duration grace) {
        AgentJson.KeepOnly keep = new AgentJson.KeepOnly(List.copyOf(names), seconds(grace));
        return ask("PUT", "/v1/apps/" + ServiceClient.segment(app) + "/instances", ANSWER_TIMEOUT.plus(grace),
                call -> call.body(keep).send(AgentJson.Removed.class)).removed();
    }

    /** Asked once, without waiting for a runner that does not answer: a status is for pages that show it now. */
    @Override
    public NodeStatus status() {
        return ask("GET", "/v1/status", ANSWER_TIMEOUT, call -> call.patience(Duration.ZERO).send(NodeStatus.class));
    }

    /** The answer; the runner's problem, or its silence past {@code patience}, as the matching exception. */
    private <T> T ask(String method, String path, Duration timeout, Function<ServiceClient.Call, T> send) {
        try {
            return send.apply(runner.call(method, path).timeout(timeout).patience(patience));
        } catch (ServiceUnreachableException e) {
            throw new NodeUnavailableException("the node runner at " + runner.base() + " does not answer ("
                    + e.getCause() + "). Start it (./gantry up) and retry", e.getCause());
        } catch (ServiceProblem problem) {
            String detail = problem.detail();
            throw switch (problem.status()) {
                case 422 -> new ContainerStartFailedException(detail, null);
                case 503 -> new EngineUnavailableException(detail, null);
                case 400 -> new IllegalArgumentException(detail);
                case 401 -> new IllegalStateException("the node runner at " + runner.base() + " refused the node token: "
                        + detail + ". The control plane and the node runner must share GANTRY_HOME/node/token");
                default -> new IllegalStateException("the node runner answered " + method + " "
                        + path.replaceFirst("\\?.*", "") + " with " + problem.status() + ": " + detail);
            };
        }
    }

    private static long seconds(Duration grace) {
        return (grace.toMillis() + 999) / 1000;
    }
}
