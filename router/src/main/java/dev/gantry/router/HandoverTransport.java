package dev.gantry.router;

import io.netty.channel.epoll.Epoll;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * A Vert.x on the epoll transport, which a router handing its port over to a successor needs:
 * SO_REUSEPORT, so that the successor can listen beside it, works only there (the NIO transport ignores
 * the option). The router closes its listening sockets itself ({@link RouterListener}), so that the
 * connections they accepted keep answering while the successor takes new ones.
 */
final class HandoverTransport {

    private HandoverTransport() {
    }

    /** A Vert.x on the epoll transport; where epoll is not available (not Linux), Vert.x's default one. */
    static Vertx vertx(VertxOptions options) {
        if (!Epoll.isAvailable()) {
            return Vertx.vertx(options);
        }
        return Vertx.vertx(new VertxOptions(options).setPreferNativeTransport(true));
    }
}
