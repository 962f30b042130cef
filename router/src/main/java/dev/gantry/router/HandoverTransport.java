package dev.gantry.router;

import io.netty.channel.ChannelFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.transports.EpollTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vert.x's epoll transport, plus what a router handing its port over to a successor needs from it.
 * SO_REUSEPORT, so that the successor can listen beside it, works only on this transport (the NIO one
 * ignores the option). And the listening socket must close on its own: Vert.x 4 closes a server's
 * listening socket only together with every connection it accepted, which would cut the requests
 * still in flight. Both live here because both reach into Vert.x internals ({@code impl} packages).
 */
final class HandoverTransport extends EpollTransport {

    private final Set<ServerChannel> listening = ConcurrentHashMap.newKeySet();

    /** A Vert.x on this transport; where epoll is not available (not Linux), Vert.x's default one. */
    static Vertx vertx(VertxOptions options) {
        if (!Epoll.isAvailable()) {
            return Vertx.vertx(options);
        }
        return new VertxBuilder(options).findTransport(new HandoverTransport()).init().vertx();
    }

    /** The transport of a Vert.x made by {@link #vertx}; empty for any other Vert.x. */
    static Optional<HandoverTransport> of(Vertx vertx) {
        return vertx instanceof VertxInternal internal && internal.transport() instanceof HandoverTransport transport
                ? Optional.of(transport)
                : Optional.empty();
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
        ChannelFactory<? extends ServerChannel> channels = super.serverChannelFactory(domainSocket);
        return () -> {
            ServerChannel channel = channels.newChannel();
            listening.add(channel);
            channel.closeFuture().addListener(closed -> listening.remove(channel));
            return channel;
        };
    }

    /**
     * Closes the sockets listening on {@code port}. The connections they accepted stay open; the
     * servers that accepted them still answer on them and close them when they close.
     */
    Future<Void> stopListening(int port) {
        List<Future<Void>> closing = new ArrayList<>();
        for (ServerChannel channel : listening) {
            if (channel.localAddress() instanceof InetSocketAddress address && address.getPort() == port) {
                Promise<Void> closed = Promise.promise();
                channel.close().addListener(done -> {
                    if (done.isSuccess()) {
                        closed.complete();
                    } else {
                        closed.fail(done.cause());
                    }
                });
                closing.add(closed.future());
            }
        }
        return Future.all(closing).mapEmpty();
    }
}
