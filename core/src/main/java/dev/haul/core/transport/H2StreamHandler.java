package dev.haul.core.transport;

import dev.haul.core.FailureReason;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;

/**
 * The last handler of an h2 stream channel (after Netty's frame-to-HTTP-object codec): the h2
 * twin of {@link ConnectionHandler}, feeding one exchange the same calls. On the loop.
 */
final class H2StreamHandler extends ChannelInboundHandlerAdapter {
    private final H2Stream stream;
    private final Transport transport;

    H2StreamHandler(H2Stream stream, Transport transport) {
        this.stream = stream;
        this.transport = transport;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            stream.touch(transport.now());
            Exchange exchange = stream.exchange();
            if (exchange == null) return;
            if (msg instanceof HttpResponse response) exchange.onResponse(response);
            if (msg instanceof HttpContent content) exchange.onContent(content);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        try {
            if (evt instanceof Http2ResetFrame reset) stream.resetByServer(reset.errorCode());
            if (evt instanceof Http2GoAwayFrame) stream.refused(); // above the last stream id: never processed
        } finally {
            ReferenceCountUtil.release(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange exchange = stream.exchange();
        if (exchange == null) return;
        String connectionError = stream.connection.error();
        if (connectionError != null) {
            exchange.fail(FailureReason.PROTOCOL, connectionError);
            return;
        }
        String why = stream.resetBy() != null ? "HTTP/2 stream reset by the server (" + stream.resetBy() + ")"
                : stream.connection.note() != null ? stream.connection.note()
                : exchange.responded() ? "connection closed before the body ended"
                : "connection closed before a response arrived";
        exchange.onConnectionLost(exchange.responded() ? FailureReason.TRUNCATED : FailureReason.CONNECTION_RESET, why);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange exchange = stream.exchange();
        if (exchange != null) {
            Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                    ? cause.getCause() : cause;
            if (root instanceof javax.net.ssl.SSLException) {
                exchange.fail(FailureReason.TLS, TlsMessages.describe(root));
            } else if (cause instanceof Http2Exception.HeaderListSizeException) {
                exchange.fail(FailureReason.PROTOCOL, "response header too large (over " + H2Codec.MAX_HEADER_LIST / 1024 + " KiB)");
            } else if (cause instanceof Http2Exception) {
                exchange.fail(FailureReason.PROTOCOL, "invalid HTTP/2 response: " + Exchange.describe(cause));
            } else if (cause instanceof IOException) {
                exchange.onConnectionLost(FailureReason.CONNECTION_RESET, "connection error: " + Exchange.describe(cause));
            } else {
                exchange.fail(FailureReason.PROTOCOL, "invalid response: " + Exchange.describe(cause));
            }
        }
        ctx.close();
    }
}
