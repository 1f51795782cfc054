package dev.haul.cli.demo;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Sends part of a synthetic file at a set rate: every tick, on the channel's own event loop, up
 * to a tick's share of the rate, and only while the channel is writable, so a client that
 * reads slowly is never buried. Nothing sleeps: the ticks are scheduled tasks. Loop-confined.
 */
final class ThrottledBody {
    static final long TICK_MILLIS = 50;
    private static final int PIECE = 64 * 1024;

    private final ChannelHandlerContext ctx;
    private final SyntheticBytes bytes;
    private final long perTick;
    private final ChannelFutureListener onEnd;
    private final byte[] scratch;
    private long position;
    private long remaining;
    private ScheduledFuture<?> timer;
    private boolean ended;

    /** @param onEnd runs when the last content is written (or failed to be) */
    ThrottledBody(ChannelHandlerContext ctx, SyntheticBytes bytes, long from, long length, long bytesPerSecond,
                  ChannelFutureListener onEnd) {
        this.ctx = ctx;
        this.bytes = bytes;
        this.position = from;
        this.remaining = length;
        this.perTick = Math.max(1, bytesPerSecond * TICK_MILLIS / 1000);
        this.onEnd = onEnd;
        this.scratch = new byte[(int) Math.min(PIECE, Math.max(1, Math.min(perTick, length)))];
    }

    /** Sends the first tick's share at once, then one share per tick. */
    void start() {
        tick();
        if (!ended) timer = ctx.executor().scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The connection went away: stop sending. Idempotent. */
    void abort() {
        ended = true;
        if (timer != null) timer.cancel(false);
    }

    private void tick() {
        if (ended) return;
        Channel channel = ctx.channel();
        if (!channel.isActive()) {
            abort();
            return;
        }
        // A tick the client is too slow for is skipped, not made up for later.
        long budget = perTick;
        while (budget > 0 && remaining > 0 && channel.isWritable()) {
            int n = (int) Math.min(scratch.length, Math.min(budget, remaining));
            bytes.fill(position, scratch, 0, n);
            ByteBuf buf = ctx.alloc().buffer(n);
            buf.writeBytes(scratch, 0, n);
            // Flushed piece by piece: the socket takes it at once, so writability reflects the client.
            ctx.writeAndFlush(new DefaultHttpContent(buf), ctx.voidPromise());
            position += n;
            remaining -= n;
            budget -= n;
        }
        if (remaining == 0) {
            abort();
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(onEnd);
        }
    }
}
