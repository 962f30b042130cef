package dev.gantry.router;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.jboss.logging.Logger;

/**
 * One client connection: reads one request at a time (a pipelining client waits in the socket), hands
 * it to the {@link HostDispatcher}, and writes the answer with keep-alive as HTTP/1.1 wants. Reading
 * stays on (turning it off and on costs two epoll_ctl calls); it is paused only while a pipelined
 * request waits or a request body is faster than its backend.
 */
final class ClientConnection extends ChannelDuplexHandler {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class);

    /** What a request being answered needs to hear from its client connection. */
    interface Exchange {
        /** A piece of the request body; the exchange owns it. */
        void requestContent(HttpContent content);

        void clientWritable();

        void clientClosed();
    }

    private final HostDispatcher dispatcher;
    private final ClientConnections connections;
    private final boolean tls;
    private final BackendConnections backends;
    private ChannelHandlerContext ctx;
    // As AsciiStrings: they go into X-Forwarded-* headers of every request, and these are copied into
    // the encoded request as they are, where a String would be encoded character by character.
    private AsciiString remoteHost;
    private AsciiString localPort;
    private Exchange exchange;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>(0);
    private boolean bodyPending;
    // The exchange stopped reading its request's body until its backend takes more.
    private boolean bodyPaused;
    private boolean discardLast;
    private boolean keepAlive;
    private boolean upgraded;
    // Read by ClientConnections from the thread of a stopping router.
    private volatile boolean busy;
    // When the last answer went out; only read while not busy.
    private volatile long lastActiveNanos = System.nanoTime();

    ClientConnection(HostDispatcher dispatcher, ClientConnections connections, boolean tls, BackendConnections backends) {
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.tls = tls;
        this.backends = backends;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        Channel channel = ctx.channel();
        remoteHost = AsciiString.of(channel.remoteAddress() instanceof InetSocketAddress remote
                ? remote.getAddress().getHostAddress() : "");
        localPort = AsciiString.of(channel.localAddress() instanceof InetSocketAddress local
                ? Integer.toString(local.getPort()) : "");
        connections.opened(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connections.closed(this);
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        Exchange open = exchange;
        exchange = null;
        if (open != null) {
            open.clientClosed();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!waiting.isEmpty() || (busy && msg instanceof HttpRequest)) {
            // Pipelined behind a request still being answered: it waits, and reading stops meanwhile.
            waiting.add(msg);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        handle(msg);
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest request) {
            startRequest(request);
        } else if (msg instanceof HttpContent content) {
            if (discardLast) {
                // The empty end of a request without a body, decoded right behind its head.
                discardLast = false;
                content.release();
                return;
            }
            if (content instanceof LastHttpContent) {
                bodyPending = false;
            }
            if (exchange != null) {
                exchange.requestContent(content);
            } else {
                // The router answered before the body was read; the connection closes with the answer.
                content.release();
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void startRequest(HttpRequest request) {
        busy = true;
        if (request.decoderResult().isFailure()) {
            keepAlive = false;
            bodyPending = true;
            respond(RouterResponses.error(ctx.alloc(), 400, "Bad Request", "The request could not be read", null));
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(request);
        bodyPending = hasBody(request);
        discardLast = !bodyPending;
        if (bodyPending && HttpUtil.is100ContinueExpected(request)) {
            // Sent when the request's turn comes, not while it waits behind a pipelined one: the
            // client holds the body back until it reads this.
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER), ctx.voidPromise());
        }
        dispatcher.dispatch(this, request, bodyPending);
    }

    /** Whether a body follows the head (the decoder then sends it in pieces, ending with a LastHttpContent). */
    private static boolean hasBody(HttpRequest request) {
        if (HttpUtil.isTransferEncodingChunked(request)) {
            return true;
        }
        String length = request.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && !length.equals("0");
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.clientWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debugf("Client connection %s failed: %s", ctx.channel(), cause);
        ctx.close();
    }

    /** {@code answering} reads the request's body and writes its answer. */
    void begin(Exchange answering) {
        exchange = answering;
    }

    /** Stops reading the request body until {@link #resume()}: its backend cannot take more yet. */
    void pause() {
        bodyPaused = true;
        ctx.channel().config().setAutoRead(false);
    }

    void resume() {
        bodyPaused = false;
        if (waiting.isEmpty()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Writes the head of the answer, saying whether the connection stays open after it. */
    void writeHead(HttpResponse response) {
        sayWhetherConnectionStays(response);
        ctx.write(response, ctx.voidPromise());
    }

    private void sayWhetherConnectionStays(HttpResponse response) {
        if (!keepAlive || connections.stopping()) {
            // Finish this request, but have the client open its next connection elsewhere.
            keepAlive = false;
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (response.protocolVersion() == HttpVersion.HTTP_1_0) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    void write(HttpContent content) {
        ctx.write(content, ctx.voidPromise());
    }

    void flush() {
        ctx.flush();
    }

    /** The answer is complete with this last piece: flushes it and moves on to the next request. */
    void end(LastHttpContent last) {
        answered(last);
    }

    /** A whole answer in one message (and one write): the router's own, or a small one relayed. */
    void respond(FullHttpResponse response) {
        sayWhetherConnectionStays(response);
        answered(response);
    }

    private void answered(Object last) {
        exchange = null;
        bodyPaused = false;
        lastActiveNanos = System.nanoTime();
        busy = false;
        // A body the client is still sending was not read: the connection cannot carry another request.
        if (!keepAlive || bodyPending) {
            ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(last, ctx.voidPromise());
        // The next request, and the body that was read with it: a request waits for the one before it,
        // its body does not.
        while (!waiting.isEmpty() && !(busy && waiting.peek() instanceof HttpRequest)) {
            handle(waiting.poll());
        }
        if (waiting.isEmpty() && !bodyPaused && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Cuts an answer that cannot be completed: the client sees the response end short. */
    void reset() {
        exchange = null;
        busy = false;
        ctx.close();
    }

    /** The connection becomes a tunnel (WebSocket): it is no longer a keep-alive HTTP connection. */
    void upgraded() {
        upgraded = true;
        exchange = null;
        connections.upgraded(this);
    }

    Channel channel() {
        return ctx.channel();
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    BackendConnections backends() {
        return backends;
    }

    boolean tls() {
        return tls;
    }

    boolean isUpgraded() {
        return upgraded;
    }

    AsciiString remoteHost() {
        return remoteHost;
    }

    /**
     * The port the client addressed: the one in its Host header when it named one (the router may sit
     * behind a port forward), otherwise the port the connection arrived on.
     */
    CharSequence forwardedPort(String host) {
        String named = ForwardedHeaders.portOf(host, null);
        return named != null ? named : localPort;
    }

    long idleNanos(long now) {
        return busy ? 0 : now - lastActiveNanos;
    }
}
