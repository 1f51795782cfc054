package dev.haul.core.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of an h2 connection's pipeline: what concerns the whole connection (SETTINGS,
 * GOAWAY, connection errors, the close) goes to its {@link H2Connection}; streams have their own
 * handlers. On the loop.
 */
final class H2ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final H2Connection connection;

    H2ConnectionHandler(H2Connection connection) {
        this.connection = connection;
    }

    /**
     * The h2 part of a connection's pipeline, after TLS (or straight on TCP for h2c):
     * <pre>
     *   h2        Http2FrameCodec: frames, HPACK, flow control (see {@link H2Codec})
     *   streams   Http2MultiplexHandler: one child channel per stream (see {@link H2Stream})
     *   h2conn    this handler
     * </pre>
     */
    static void install(ChannelPipeline p, H2Connection connection, long limitRate) {
        p.addLast("h2", H2Codec.create(limitRate));
        p.addLast("streams", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                ctx.close(); // a stream the server opened (push is off): not ours to serve
            }
        }));
        p.addLast("h2conn", new H2ConnectionHandler(connection));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2SettingsFrame s) connection.settings(s.settings().maxConcurrentStreams());
            if (msg instanceof Http2GoAwayFrame g) {
                if (g.errorCode() != 0) {
                    connection.note("the server ended the HTTP/2 connection ("
                            + describe(g.errorCode()) + ")");
                }
                connection.goAway();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.closed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (root instanceof javax.net.ssl.SSLException) {
            connection.error(TlsMessages.describe(root));
        } else if (root instanceof Http2Exception h && String.valueOf(h.getMessage()).startsWith("Header size exceeded")) {
            connection.error("response header too large (over " + H2Codec.MAX_HEADER_LIST / 1024 + " KiB)");
        } else if (root instanceof Http2Exception h) {
            connection.error("HTTP/2 protocol error from " + connection.route.origin().hostHeader() + ": "
                    + Exchange.describe(h));
        } else if (!(root instanceof java.io.IOException)) {
            connection.error("HTTP/2 error: " + Exchange.describe(root));
        }
        ctx.close();
    }

    private static String describe(long code) {
        io.netty.handler.codec.http2.Http2Error e = io.netty.handler.codec.http2.Http2Error.valueOf(code);
        return e == null ? "error " + code : e.name();
    }
}
