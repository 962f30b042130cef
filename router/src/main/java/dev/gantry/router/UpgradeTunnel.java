package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A WebSocket (HTTP/1.1 Upgrade) passed through as raw bytes once the backend agrees to switch
 * protocols, on a backend connection of its own. The router does not parse frames; it only joins the
 * two sockets.
 */
final class UpgradeTunnel extends ChannelInboundHandlerAdapter implements InFlightRequest, ClientConnection.Exchange {

    private static final Logger LOG = Logger.getLogger(UpgradeTunnel.class);

    private final ClientConnection client;
    private final HttpRequest request;
    private final String app;
    private final Upstreams upstreams;
    private final AsciiString requestId;
    private final long startNanos = System.nanoTime();
    private Backend backend;
    // What the client got: 101 for a tunnel, else the app's or the router's answer; 0 for none yet.
    private int status;
    private Channel backendChannel;
    private boolean switched;
    private boolean finished;

    UpgradeTunnel(ClientConnection client, HttpRequest request, String app, Upstreams upstreams, AsciiString requestId) {
        this.client = client;
        this.request = request;
        this.app = app;
        this.upstreams = upstreams;
        this.requestId = requestId;
    }

    static boolean isWebSocketUpgrade(HttpRequest request) {
        return request.method() == HttpMethod.GET
                && ForwardedHeaders.hasToken(request.headers(), HttpHeaderNames.UPGRADE, "websocket")
                && ForwardedHeaders.hasToken(request.headers(), HttpHeaderNames.CONNECTION, "upgrade");
    }

    void start() {
        backend = upstreams.selector().reserve(app, Set.of(), this);
        if (backend == null) {
            client.respond(RouterResponses.error(client.channel().alloc(), 503, "Service Unavailable",
                    app + " has no running web instances", requestId));
            AccessLog.answered(app, request, 503, 0, null, requestId);
            return;
        }
        ForwardedHeaders.toBackendForUpgrade(request, client, requestId);
        UpgradeTunnel tunnel = this;
        ChannelFuture connecting = client.backends().connectDedicated(backend, new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(HttpCodecs.forBackends(), tunnel);
            }
        });
        connecting.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                upstreams.health().connectFailed(backend, done.cause());
                upstreams.metrics().forApp(app).connectFailed(backend);
                fail("refused the connection", done.cause());
                return;
            }
            upstreams.health().connected(backend);
            backendChannel = done.channel();
            if (finished) {
                backendChannel.close();
                return;
            }
            backendChannel.write(request);
            backendChannel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (finished) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse response && response.status().code() == 101) {
            join(ctx, response);
            return;
        }
        // The app declined the upgrade: its answer goes back as an ordinary response, and this
        // connection, made for the tunnel, closes after it.
        if (msg instanceof HttpResponse response) {
            status = response.status().code();
            ForwardedHeaders.toClient(response, requestId, true);
            client.writeHead(response);
        } else if (msg instanceof LastHttpContent last) {
            client.end(last);
            ctx.close();
            finish();
        } else if (msg instanceof HttpContent content) {
            client.write(content);
            client.flush();
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    // Both sides run on this loop, so the switch is done in one go: the 101 is encoded before the
    // client's HTTP codec leaves, and whatever either side sent past the switch waits in a relay.
    private void join(ChannelHandlerContext ctx, HttpResponse switchedResponse) {
        switched = true;
        status = 101;
        Channel clientChannel = client.channel();
        ForwardedHeaders.toClientForUpgrade(switchedResponse, requestId);
        client.upgraded();
        clientChannel.writeAndFlush(switchedResponse);
        TunnelRelay fromClient = new TunnelRelay(backendChannel, this::finish);
        TunnelRelay fromBackend = new TunnelRelay(clientChannel, this::finish);
        ChannelPipeline clientPipeline = clientChannel.pipeline();
        clientPipeline.addLast(fromClient);
        clientPipeline.remove(ClientConnection.class);
        clientPipeline.remove(HttpServerCodec.class);
        ChannelPipeline backendPipeline = ctx.pipeline();
        backendPipeline.addLast(fromBackend);
        backendPipeline.remove(this);
        backendPipeline.remove(HttpClientCodec.class);
        fromClient.open();
        fromBackend.open();
        clientChannel.config().setAutoRead(true);
        backendChannel.config().setAutoRead(true);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!switched && !finished) {
            fail("closed the connection during the upgrade", new IllegalStateException("connection closed"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debugf("%s: upstream ended with %s", this, cause);
        ctx.close();
    }

    @Override
    public void requestContent(HttpContent content) {
        content.release();
    }

    @Override
    public void clientWritable() {
    }

    @Override
    public void clientClosed() {
        close();
    }

    @Override
    public void drainStarted(Backend drained) {
        // Kept open until the drain's deadline (Gantry's rule, unlike kamal-proxy's close at once):
        // a socket that finishes its exchange in that time is never cut. Drains run in the
        // background after a rollout, so waiting costs no one anything.
    }

    @Override
    public void drainDeadlineReached(Backend drained) {
        client.channel().eventLoop().execute(this::close);
    }

    @Override
    public String toString() {
        return "WebSocket " + request.headers().get(HttpHeaderNames.HOST) + request.uri() + " (" + app + ")";
    }

    private void fail(String what, Throwable cause) {
        if (finished) {
            return;
        }
        LOG.warnf("%s: %s %s (%s); answering 502", this, backend, what, cause.toString());
        status = 502;
        client.respond(RouterResponses.error(client.channel().alloc(), 502, "Bad Gateway", app + " could not be reached",
                requestId));
        finish();
    }

    private void close() {
        if (switched || client.channel().isActive()) {
            client.channel().close();
        }
        if (backendChannel != null) {
            backendChannel.close();
        }
        finish();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (backend != null) {
            upstreams.inFlight().remove(backend, this);
        }
        // Once the tunnel closes, with how long it was open, as nginx logs a WebSocket.
        AccessLog.answered(app, request, status == 0 ? ProxyExchange.CLIENT_CLOSED : status,
                System.nanoTime() - startNanos, backend, requestId);
    }
}
