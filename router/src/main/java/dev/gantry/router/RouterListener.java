package dev.gantry.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.vertx.core.impl.VertxInternal;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * A listening socket of the router. It hands each accepted connection to the router's event loops in
 * turn, with the handlers of that loop; closing it closes the listening socket only, so that the
 * connections it accepted can finish their requests while a successor router takes new ones.
 */
final class RouterListener {

    private static final Logger LOG = Logger.getLogger(RouterListener.class);

    private final ServerChannel server;

    private RouterListener(ServerChannel server) {
        this.server = server;
    }

    /**
     * Listens on {@code host:port} (0 for a free port). With {@code reusePort}, binds with SO_REUSEPORT
     * so that a successor can listen beside it; that needs the epoll transport and is ignored on others.
     *
     * @param handlers the handlers of a connection on {@code loops.get(i)}
     */
    static RouterListener open(VertxInternal vertx, String host, int port, boolean reusePort, List<EventLoop> loops,
            IntFunction<ChannelHandler> handlers) {
        ServerChannel server = vertx.transport().serverChannelFactory(false).newChannel();
        server.config().setOption(ChannelOption.SO_REUSEADDR, true);
        if (reusePort && server instanceof EpollServerSocketChannel) {
            server.config().setOption(EpollChannelOption.SO_REUSEPORT, true);
        }
        server.pipeline().addLast(new Acceptor(loops, handlers));
        ChannelFuture bound = vertx.getAcceptorEventLoopGroup().next().register(server)
                .syncUninterruptibly().channel().bind(new InetSocketAddress(host, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            server.close();
            throw new IllegalStateException(bound.cause().getMessage(), bound.cause());
        }
        return new RouterListener(server);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Stops accepting; connections already accepted stay open. */
    ChannelFuture close() {
        return server.close();
    }

    private static final class Acceptor extends ChannelInboundHandlerAdapter {
        private final List<EventLoop> loops;
        private final IntFunction<ChannelHandler> handlers;
        private int next;

        Acceptor(List<EventLoop> loops, IntFunction<ChannelHandler> handlers) {
            this.loops = loops;
            this.handlers = handlers;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel child = (Channel) msg;
            int loop = next;
            next = (next + 1) % loops.size();
            child.config().setOption(ChannelOption.TCP_NODELAY, true);
            child.pipeline().addLast(handlers.apply(loop));
            loops.get(loop).register(child).addListener((ChannelFuture registered) -> {
                if (!registered.isSuccess()) {
                    child.unsafe().closeForcibly();
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Most often out of file descriptors: pause accepting for a moment instead of spinning.
            LOG.warnf("Accepting a connection failed (%s); pausing for 1 s", cause.toString());
            ctx.channel().config().setAutoRead(false);
            ctx.channel().eventLoop().schedule(() -> ctx.channel().config().setAutoRead(true), 1, TimeUnit.SECONDS);
        }
    }
}
