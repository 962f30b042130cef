package dev.gantry.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a tunnel: the bytes read on this channel are written to its peer, read no faster
 * than the peer takes them. Holds what arrives before {@link #open()}, while the peer still speaks HTTP.
 */
final class TunnelRelay extends ChannelInboundHandlerAdapter {

    private final Channel peer;
    private final Runnable closed;
    private List<Object> early = new ArrayList<>(1);

    TunnelRelay(Channel peer, Runnable closed) {
        this.peer = peer;
        this.closed = closed;
    }

    /** The peer passes raw bytes now: send it what came early, and relay from now on. */
    void open() {
        List<Object> before = early;
        early = null;
        before.forEach(message -> peer.write(message, peer.voidPromise()));
        peer.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (early != null) {
            early.add(msg);
            return;
        }
        peer.write(msg, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (early == null) {
            peer.flush();
            if (!peer.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // This side drained what the peer sent to it: the peer may read again.
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        closed.run();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
