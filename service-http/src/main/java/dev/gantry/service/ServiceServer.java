package dev.gantry.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.jboss.logging.Logger;

/**
 * An internal service over HTTP/1.1, on the JDK's own server: it is light (the node runner aims at a
 * small footprint) and the traffic is a few calls a minute. Every request needs the bearer token,
 * compared in constant time, before anything else is looked at; then {@link Endpoints} finds its
 * handler, which runs on a worker thread of its own and may block.
 *
 * <p>Errors are problem details: 401 without the token, 404 and 405 from the route table, 400 for a
 * body that cannot be read (saying what was wrong) and for an {@link IllegalArgumentException}, 413
 * over the body limit, whatever the service's {@link Builder#problems} makes of its own exceptions
 * (422, 503, ...), and 500, logged, for anything else.
 */
public final class ServiceServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceServer.class);
    private static final int BACKLOG = 64;

    private final String name;
    private final Endpoints endpoints;
    private final byte[] expectedAuthorization;
    private final String tokenHint;
    private final int maxBodyBytes;
    private final Function<RuntimeException, ServiceProblem> problems;
    private final HttpServer server;
    private final ExecutorService workers;

    private ServiceServer(Builder builder, HttpServer server) {
        this.name = builder.name;
        this.endpoints = builder.endpoints;
        this.expectedAuthorization = ("Bearer " + builder.token).getBytes(StandardCharsets.UTF_8);
        this.tokenHint = builder.tokenHint;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.problems = builder.problems;
        this.server = server;
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-http");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    /**
     * @param name names the worker threads and the log lines of failures
     * @param token the bearer token every request must send
     * @param tokenHint the detail of a 401: where the token is and how to send it
     */
    public static Builder builder(String name, Endpoints endpoints, String token, String tokenHint) {
        return new Builder(name, endpoints, token, tokenHint);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once, answers in progress included, and lets go of the port. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            send(exchange, answer(exchange));
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("%s: %s %s: the answer did not reach the client: %s", name, exchange.getRequestMethod(),
                    exchange.getRequestURI(), e);
        }
    }

    private ServiceResponse answer(HttpExchange exchange) {
        try {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null || !MessageDigest.isEqual(expectedAuthorization, presented.getBytes(StandardCharsets.UTF_8))) {
                return ServiceResponse.problem(new ServiceProblem(401, tokenHint)).header("WWW-Authenticate", "Bearer");
            }
            Endpoints.Match match = endpoints.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            return match.handler().handle(new ServiceRequest(exchange, match.parameters(), maxBodyBytes));
        } catch (ServiceProblem problem) {
            return ServiceResponse.problem(problem);
        } catch (RuntimeException e) {
            ServiceProblem problem = problems.apply(e);
            if (problem != null) {
                return ServiceResponse.problem(problem);
            }
            if (e instanceof IllegalArgumentException) {
                return ServiceResponse.problem(new ServiceProblem(400, e.getMessage()));
            }
            LOG.errorf(e, "%s: %s %s failed", name, exchange.getRequestMethod(), exchange.getRequestURI());
            return ServiceResponse.problem(new ServiceProblem(500, e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    private static void send(HttpExchange exchange, ServiceResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        if (body == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static final class Builder {

        private final String name;
        private final Endpoints endpoints;
        private final String token;
        private final String tokenHint;
        private int maxBodyBytes = 1 << 20;
        private Function<RuntimeException, ServiceProblem> problems = e -> null;
        private SSLContext tls;

        private Builder(String name, Endpoints endpoints, String token, String tokenHint) {
            this.name = Objects.requireNonNull(name, "name");
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException(name + ": the token must not be blank");
            }
            this.token = token;
            this.tokenHint = Objects.requireNonNull(tokenHint, "tokenHint");
        }

        /** Bodies over this answer 413; 1 MiB unless set. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 0) {
                throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The problem a service's own exception answers with; null leaves it to the defaults (400 or 500). */
        public Builder problems(Function<RuntimeException, ServiceProblem> problems) {
            this.problems = Objects.requireNonNull(problems, "problems");
            return this;
        }

        /** Serves HTTPS with {@code context}'s certificate (see {@link ServiceTls#serving}) instead of plain HTTP. */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Listens on {@code bindHost:port} (0: a free port) and serves at once. */
        public ServiceServer start(String bindHost, int port) throws IOException {
            InetSocketAddress address = new InetSocketAddress(bindHost, port);
            HttpServer server;
            if (tls == null) {
                server = HttpServer.create(address, BACKLOG);
            } else {
                HttpsServer https = HttpsServer.create(address, BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
            ServiceServer service = new ServiceServer(this, server);
            server.start();
            return service;
        }
    }
}
