package dev.gantry.router;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * One event loop's share of the router's HTTP or HTTPS port: a server on the shared port (Vert.x hands each accepted
 * connection to one of the listeners in turn) and its own pool of backend connections, so that a
 * request and its backend connection live on the same thread and never hop. Over HTTPS, the
 * certificate of each connection is the one the route table holds for its server name ({@link SniKeyManager}).
 */
final class RouterListener extends AbstractVerticle {

    // Below the 5 s keep-alive timeout of Node.js and many app servers, so the router drops an idle
    // pooled connection before the app does and never sends a request into a closing socket.
    private static final int BACKEND_KEEP_ALIVE_SECONDS = 4;
    // nginx's keepalive_timeout: an idle client connection is closed after this, bounding idle sockets.
    private static final int CLIENT_IDLE_SECONDS = 75;

    private final RouterOptions options;
    private final int port;
    private final boolean tls;
    private final IntSupplier httpsPort;
    private final AtomicReference<RouteTable> table;
    private final Function<HttpClient, Upstreams> upstreams;
    private final ClientConnections connections;
    private HttpServer server;

    RouterListener(RouterOptions options, int port, boolean tls, IntSupplier httpsPort,
            AtomicReference<RouteTable> table, Function<HttpClient, Upstreams> upstreams, ClientConnections connections) {
        this.options = options;
        this.port = port;
        this.tls = tls;
        this.httpsPort = httpsPort;
        this.table = table;
        this.upstreams = upstreams;
        this.connections = connections;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(BACKEND_KEEP_ALIVE_SECONDS)
                        .setConnectTimeout(Math.toIntExact(options.connectTimeout().toMillis())),
                new PoolOptions().setHttp1MaxSize(options.maxConnectionsPerBackend()));
        HttpServerOptions serverOptions = new HttpServerOptions()
                        .setHost(options.bindHost())
                        .setPort(port)
                        .setReusePort(options.reusePort())
                        .setIdleTimeout(CLIENT_IDLE_SECONDS)
                        // One protocol (HTTP/1.1) keeps body framing and hop-by-hop rules in one place.
                        .setHttp2ClearTextEnabled(false)
                        // Clients that wait for 100 Continue get it from here; the body is then piped.
                        .setHandle100ContinueAutomatically(true);
        if (tls) {
            serverOptions.setSsl(true).setKeyCertOptions(new SniKeyManager(table).options());
        }
        server = vertx.createHttpServer(serverOptions)
                .connectionHandler(connections::opened)
                .requestHandler(new HostDispatcher(table, upstreams.apply(client), connections, httpsPort));
        server.listen().<Void>mapEmpty().onComplete(started);
    }

    int actualPort() {
        return server.actualPort();
    }
}
