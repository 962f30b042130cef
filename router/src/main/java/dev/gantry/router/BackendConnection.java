package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import org.jboss.logging.Logger;

/**
 * One pooled keep-alive connection to a backend, carrying one exchange at a time. It passes what the
 * backend sends to that exchange, and tells it when the backend went silent or closed the connection.
 */
final class BackendConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(BackendConnection.class);

    /** What an exchange using this connection hears from it, on its event loop. */
    interface Exchange {
        /** A piece of the response; the exchange owns it. */
        void backendMessage(HttpObject message);

        void backendWritable();

        /** The backend closed the connection, or it broke. */
        void backendClosed(Throwable cause);

        /** Nothing came from the backend for the idle timeout after the request was sent. */
        void backendSilent();
    }

    private static final long NOT_WAITING = -1;

    private final Backend backend;
    private final BackendConnections pool;
    private ChannelHandlerContext ctx;
    private Exchange exchange;
    private boolean counted = true;
    private int exchanges;
    private long idleSinceNanos = NOT_WAITING;
    private long waitingSinceNanos = NOT_WAITING;

    BackendConnection(Backend backend, BackendConnections pool) {
        this.backend = backend;
        this.pool = pool;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Gives this connection to {@code exchange} until it calls {@link #release}. */
    void bind(Exchange exchange) {
        this.exchange = exchange;
        exchanges++;
        idleSinceNanos = NOT_WAITING;
    }

    /**
     * Whether the exchange bound last is not this connection's first: it came from the pool, and the
     * backend may have closed it while idle.
     */
    boolean reused() {
        return exchanges > 1;
    }

    /** The exchange is done with it: back to the pool when {@code reusable}, else closed. */
    void release(boolean reusable) {
        exchange = null;
        waitingSinceNanos = NOT_WAITING;
        idleSinceNanos = System.nanoTime();
        ctx.channel().config().setAutoRead(true);
        pool.release(this, reusable);
    }

    /** The request is sent: from now on the backend's silence counts against the idle timeout. */
    void requestSent() {
        waitingSinceNanos = System.nanoTime();
    }

    void write(Object message) {
        ctx.write(message, ctx.voidPromise());
    }

    void writeAndFlush(Object message) {
        ctx.writeAndFlush(message, ctx.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (waitingSinceNanos != NOT_WAITING) {
            waitingSinceNanos = System.nanoTime();
        }
        Exchange current = exchange;
        if (current != null && msg instanceof HttpObject object) {
            current.backendMessage(object);
        } else {
            // Nothing was asked: a backend talking out of turn cannot be trusted with the next request.
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.backendWritable();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pool.closed(this);
        Exchange current = exchange;
        exchange = null;
        if (current != null) {
            current.backendClosed(new IllegalStateException("connection closed by " + backend));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debugf("Connection to %s failed: %s", backend, cause);
        Exchange current = exchange;
        exchange = null;
        ctx.close();
        if (current != null) {
            current.backendClosed(cause);
        }
    }

    void checkSilence(long now, long idleTimeoutNanos) {
        if (exchange != null && waitingSinceNanos != NOT_WAITING && now - waitingSinceNanos >= idleTimeoutNanos) {
            Exchange silent = exchange;
            exchange = null;
            silent.backendSilent();
        }
    }

    long idleInPoolFor(long now) {
        return exchange == null && idleSinceNanos != NOT_WAITING ? now - idleSinceNanos : 0;
    }

    Backend backend() {
        return backend;
    }

    Channel channel() {
        return ctx.channel();
    }

    boolean counted() {
        return counted;
    }

    void uncount() {
        counted = false;
    }
}
