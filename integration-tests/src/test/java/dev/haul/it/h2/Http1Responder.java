package dev.haul.it.h2;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/** The origin's HTTP/1.1 side (when ALPN chose http/1.1): whole responses only, kept alive. */
final class Http1Responder extends ChannelInboundHandlerAdapter {
    private final H2Origin origin;
    private final int connection;

    Http1Responder(H2Origin origin, int connection) {
        this.origin = origin;
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof HttpRequest req)) return;
            H2Origin.Request r = new H2Origin.Request(connection, 0, "http/1.1", req.uri(),
                    req.headers().get("range"), req.headers().get("if-range"));
            origin.record(r);
            byte[] body = origin.files.get(r.path());
            Answer a = Answer.of(body, r.range(), r.ifRange());
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(a.status()),
                    body == null ? Unpooled.EMPTY_BUFFER : H2Origin.slice(body, a.from(), a.to()));
            res.headers().set("content-length", a.to() - a.from());
            if (body != null) res.headers().set("etag", Answer.etag(body)).set("accept-ranges", "bytes");
            if (a.contentRange() != null) res.headers().set("content-range", a.contentRange());
            ctx.writeAndFlush(res);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
