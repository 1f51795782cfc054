package dev.haul.it.h2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;

/** Answers one h2 stream: the request's headers in, the planned response out, in 16 KiB DATA frames. */
final class StreamResponder extends ChannelInboundHandlerAdapter {
    private static final int FRAME = 16 * 1024;
    private final ConnectionState state;

    StreamResponder(ConnectionState state) {
        this.state = state;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof Http2HeadersFrame h) || !h.isEndStream()) return;
            Http2Headers in = h.headers();
            int id = ((Http2StreamChannel) ctx.channel()).stream().id();
            H2Origin.Request r = new H2Origin.Request(state.number, id, "h2", String.valueOf(in.path()),
                    str(in.get("range")), str(in.get("if-range")));
            state.origin.record(r);
            H2Origin.Plan plan = state.origin.plan.apply(r);
            state.answer(id, () -> respond(ctx, r, plan));
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void respond(ChannelHandlerContext ctx, H2Origin.Request r, H2Origin.Plan plan) {
        if (!ctx.channel().isActive()) return;
        if (plan instanceof H2Origin.Plan.Redirect redirect) {
            ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("302")
                    .set("location", redirect.location()).set("content-length", "0"), true));
            return;
        }
        byte[] body = state.origin.files.get(r.path());
        Answer a = Answer.of(body, r.range(), r.ifRange());
        Http2Headers out = new DefaultHttp2Headers().status(String.valueOf(a.status()))
                .set("content-length", String.valueOf(a.to() - a.from()));
        if (body != null) out.set("etag", Answer.etag(body)).set("accept-ranges", "bytes");
        if (a.contentRange() != null) out.set("content-range", a.contentRange());
        if (plan instanceof H2Origin.Plan.HugeHeader huge) out.set("x-huge", "h".repeat(huge.bytes()));
        boolean empty = a.to() == a.from();
        ctx.write(new DefaultHttp2HeadersFrame(out, empty));
        int end = a.to();
        if (plan instanceof H2Origin.Plan.ResetAfter cut) end = Math.min(end, a.from() + cut.bytes());
        if (plan instanceof H2Origin.Plan.StallAfter stall) end = Math.min(end, a.from() + stall.bytes());
        if (plan instanceof H2Origin.Plan.DropConnectionAfter drop) end = Math.min(end, a.from() + drop.bytes());
        io.netty.channel.ChannelFuture written = null;
        for (int at = a.from(); at < end; at += FRAME) {
            int to = Math.min(end, at + FRAME);
            boolean last = to == a.to();
            written = ctx.write(new DefaultHttp2DataFrame(H2Origin.slice(body, at, to), last));
        }
        ctx.flush();
        if (plan instanceof H2Origin.Plan.DropConnectionAfter) {
            io.netty.channel.Channel parent = ctx.channel().parent();
            if (written == null) parent.close();
            else written.addListener(f -> parent.close());
        }
        if (plan instanceof H2Origin.Plan.ResetAfter) {
            // Only once the bytes before it are on the wire (DATA waits for flow control; RST_STREAM does not).
            Runnable reset = () -> ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
            if (written == null) reset.run();
            else written.addListener(f -> reset.run());
        }
    }

    private static String str(CharSequence s) {
        return s == null ? null : s.toString();
    }
}
