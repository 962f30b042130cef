package dev.gantry.node.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NodeRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The node runner's HTTP interface, through which the control plane says what should run and reads
 * what does ({@link NodeAgentClient} is its other end). Every request needs the node token as a bearer
 * token. Errors are problem details: 400 for a request that cannot be read (with what was wrong), 422
 * when the engine refused to start an instance, 503 when the engine does not answer.
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

    private static final Logger LOG = Logger.getLogger(NodeAgentServer.class);
    private static final Pattern INSTANCE = Pattern.compile("/v1/instances/([^/]+)");
    private static final Pattern APP_INSTANCES = Pattern.compile("/v1/apps/([^/]+)/instances");
    private static final int MAX_BODY = 1024 * 1024;

    private final NodeRunner runner;
    private final byte[] token;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "node-agent-http");
        thread.setDaemon(true);
        return thread;
    });

    private NodeAgentServer(NodeRunner runner, String token, HttpServer server) {
        this.runner = runner;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    /** Listens on {@code bindHost:port} (0: a free port) and serves at once. */
    public static NodeAgentServer start(NodeRunner runner, String token, String bindHost, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindHost, port), 64);
            NodeAgentServer agent = new NodeAgentServer(runner, token, server);
            server.start();
            return agent;
        } catch (IOException e) {
            throw new IllegalStateException("the node runner cannot listen on " + bindHost + ":" + port + ": "
                    + e.getMessage() + ". Free the port or set GANTRY_NODE_RUNNER_PORT", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
                problem(exchange, 401, "Unauthorized", "the node token is missing or wrong: send the token in "
                        + "GANTRY_HOME/node/token as 'Authorization: Bearer TOKEN'");
                return;
            }
            route(exchange);
        } catch (JsonProcessingException e) {
            problem(exchange, 400, "Bad Request", "the body is not what this request takes: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (MethodNotAllowed e) {
            problem(exchange, 405, "Method Not Allowed", e.getMessage());
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "Bad Request", e.getMessage());
        } catch (ContainerStartFailedException e) {
            problem(exchange, 422, "Unprocessable Content", e.getMessage());
        } catch (EngineUnavailableException e) {
            problem(exchange, 503, "Service Unavailable", e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s %s failed", exchange.getRequestMethod(), exchange.getRequestURI());
            problem(exchange, 500, "Internal Server Error", String.valueOf(e.getMessage()));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Matcher instance = INSTANCE.matcher(path);
        Matcher appInstances = APP_INSTANCES.matcher(path);
        if (path.equals("/v1/status")) {
            allow(exchange, "GET");
            json(exchange, 200, runner.status());
        } else if (path.equals("/v1/instances")) {
            allow(exchange, "GET");
            json(exchange, 200, runner.instances(labels(exchange.getRequestURI().getRawQuery())));
        } else if (instance.matches()) {
            String container = decode(instance.group(1));
            switch (allow(exchange, "GET", "PUT", "DELETE")) {
                case "GET" -> {
                    var found = runner.instance(container);
                    if (found.isPresent()) {
                        json(exchange, 200, found.get());
                    } else {
                        problem(exchange, 404, "Not Found", "no instance " + container + " on this node");
                    }
                }
                case "PUT" -> {
                    ContainerSpec spec = AgentJson.MAPPER.readValue(body(exchange), ContainerSpec.class);
                    if (!spec.name().equals(container)) {
                        throw new IllegalArgumentException("the spec's name '" + spec.name() + "' is not the '"
                                + container + "' of the path");
                    }
                    json(exchange, 200, runner.place(spec));
                }
                default -> {
                    runner.remove(container, Duration.ofSeconds(seconds(query.get("grace"))));
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        } else if (appInstances.matches()) {
            allow(exchange, "PUT");
            AgentJson.KeepOnly keep = AgentJson.MAPPER.readValue(body(exchange), AgentJson.KeepOnly.class);
            json(exchange, 200, new AgentJson.Removed(runner.keepOnly(decode(appInstances.group(1)),
                    Set.copyOf(keep.keep()), Duration.ofSeconds(keep.stopGraceSeconds()))));
        } else {
            problem(exchange, 404, "Not Found", "no such resource: " + path);
        }
    }

    /** The method, when it is one of {@code allowed}; otherwise answers 405 and stops the request. */
    private static String allow(HttpExchange exchange, String... allowed) {
        String method = exchange.getRequestMethod();
        for (String each : allowed) {
            if (each.equals(method)) {
                return method;
            }
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        throw new MethodNotAllowed(method + " is not allowed here; use " + String.join(" or ", allowed));
    }

    /** Answered as 405 (see {@link #allow}). */
    private static final class MethodNotAllowed extends IllegalArgumentException {
        MethodNotAllowed(String message) {
            super(message);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException("the body is over " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        return query;
    }

    /** Every {@code label=KEY=VALUE} of the query. */
    private static Map<String, String> labels(String raw) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.startsWith("label=")) {
                    String label = decode(pair.substring("label=".length()));
                    int equals = label.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("label: must be KEY=VALUE, was '" + label + "'");
                    }
                    labels.put(label.substring(0, equals), label.substring(equals + 1));
                }
            }
        }
        return labels;
    }

    private static long seconds(String value) {
        if (value == null) {
            return NodeAgent.DEFAULT_STOP_GRACE.toSeconds();
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

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] body = AgentJson.MAPPER.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, body);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        byte[] body = AgentJson.MAPPER.writeValueAsBytes(new AgentJson.Problem(title, status, detail));
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops answering; what runs on the node keeps running. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
