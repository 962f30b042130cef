package dev.gantry.node.agent;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeRunner;
import dev.gantry.service.Endpoints;
import dev.gantry.service.ServiceProblem;
import dev.gantry.service.ServiceRequest;
import dev.gantry.service.ServiceResponse;
import dev.gantry.service.ServiceServer;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node runner's HTTP interface, through which the control plane says what should run and reads
 * what does ({@link NodeAgentClient} is its other end). Every request needs the node token as a bearer
 * token. Errors are problem details ({@link ServiceServer}): 400 for a request that cannot be read
 * (with what was wrong), 422 when the engine refused to start an instance, 503 when the engine does
 * not answer.
 *
 * <pre>
 * GET    /v1/status                        who the runner is, what it holds
 * GET    /v1/instances?label=KEY=VALUE     instances carrying every label given
 * GET    /v1/instances/{container}         one instance (id or name), 404 when there is none
 * PUT    /v1/instances/{name}              a ContainerSpec: make it desired and start it; the container
 * DELETE /v1/instances/{container}?grace=S no longer desired; stopped (SIGKILL after S s) and removed
 * PUT    /v1/apps/{app}/instances          {"keep": [names], "stopGraceSeconds": S}: the app's whole set
 * </pre>
 */
public final class NodeAgentServer implements AutoCloseable {

    private static final String TOKEN_HINT = "the node token is missing or wrong: send the token in "
            + "GANTRY_HOME/node/token as 'Authorization: Bearer TOKEN'";

    private final NodeRunner runner;
    private final ServiceServer server;

    private NodeAgentServer(NodeRunner runner, String token, String bindHost, int port) throws IOException {
        this.runner = runner;
        this.server = ServiceServer.builder("node-agent", endpoints(), token, TOKEN_HINT)
                .problems(NodeAgentServer::problem)
                .start(bindHost, port);
    }

    /** Listens on {@code bindHost:port} (0: a free port) and serves at once. */
    public static NodeAgentServer start(NodeRunner runner, String token, String bindHost, int port) {
        try {
            return new NodeAgentServer(runner, token, bindHost, port);
        } catch (IOException e) {
            throw new IllegalStateException("the node runner cannot listen on " + bindHost + ":" + port + ": "
                    + e.getMessage() + ". Free the port or set GANTRY_NODE_RUNNER_PORT", e);
        }
    }

    public int port() {
        return server.port();
    }

    private Endpoints endpoints() {
        return Endpoints.builder()
                .get("/v1/status", request -> ServiceResponse.json(runner.status()))
                .get("/v1/instances", request -> ServiceResponse.json(runner.instances(labels(request.queries("label")))))
                .get("/v1/instances/{container}", this::instance)
                .put("/v1/instances/{name}", this::place)
                .delete("/v1/instances/{container}", this::remove)
                .put("/v1/apps/{app}/instances", this::keepOnly)
                .build();
    }

    private ServiceResponse instance(ServiceRequest request) {
        String container = request.parameter("container");
        return ServiceResponse.json(runner.instance(container)
                .orElseThrow(() -> new ServiceProblem(404, "no instance " + container + " on this node")));
    }

    private ServiceResponse place(ServiceRequest request) {
        String name = request.parameter("name");
        ContainerSpec spec = request.body(ContainerSpec.class);
        if (!spec.name().equals(name)) {
            throw new IllegalArgumentException("the spec's name '" + spec.name() + "' is not the '" + name + "' of the path");
        }
        return ServiceResponse.json(runner.place(spec));
    }

    private ServiceResponse remove(ServiceRequest request) {
        runner.remove(request.parameter("container"), Duration.ofSeconds(seconds(request.query("grace").orElse(null))));
        return ServiceResponse.noContent();
    }

    private ServiceResponse keepOnly(ServiceRequest request) {
        AgentJson.KeepOnly keep = request.body(AgentJson.KeepOnly.class);
        return ServiceResponse.json(new AgentJson.Removed(runner.keepOnly(request.parameter("app"),
                Set.copyOf(keep.keep()), Duration.ofSeconds(keep.stopGraceSeconds()))));
    }

    /** The engine's refusal and absence, as the client turns them back into these exceptions. */
    private static ServiceProblem problem(RuntimeException e) {
        if (e instanceof ContainerStartFailedException) {
            return new ServiceProblem(422, e.getMessage());
        }
        if (e instanceof EngineUnavailableException) {
            return new ServiceProblem(503, e.getMessage());
        }
        return null;
    }

    /** Every {@code label=KEY=VALUE} of the query. */
    private static Map<String, String> labels(List<String> values) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : values) {
            int equals = label.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("label: must be KEY=VALUE, was '" + label + "'");
            }
            labels.put(label.substring(0, equals), label.substring(equals + 1));
        }
        return labels;
    }

    private static long seconds(String value) {
        if (value == null) {
            return NodeLabels.DEFAULT_STOP_GRACE.toSeconds();
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("grace: must be whole seconds ≥ 0, was '" + value + "'");
    }

    /** Stops answering; what runs on the node keeps running. */
    @Override
    public void close() {
        server.close();
    }
}
