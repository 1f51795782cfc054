package dev.haul.core.transport;

import dev.haul.core.FailureReason;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;

import javax.net.ssl.SSLException;
import java.io.IOException;

/** The last handler of the pipeline: routes decoded HTTP objects to the connection's current exchange. */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final HttpConnection connection;
    private final Transport transport;

    ConnectionHandler(HttpConnection connection, Transport transport) {
        this.connection = connection;
        this.transport = transport;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            connection.touch(transport.now());
            Exchange exchange = connection.current();
            if (exchange == null) return; // bytes after the end of an aborted exchange: dropped with the connection
            if (msg instanceof HttpResponse response) exchange.onResponse(response);
            if (msg instanceof HttpContent content) exchange.onContent(content);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        transport.forget(connection);
        Exchange exchange = connection.current();
        if (exchange != null) {
            exchange.onConnectionLost(exchange.responded() ? FailureReason.TRUNCATED : FailureReason.CONNECTION_RESET,
                    exchange.responded() ? "connection closed before the body ended"
                            : "connection closed before a response arrived");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            Exchange exchange = connection.current();
            if (exchange != null) exchange.fail(FailureReason.TLS, TlsMessages.describe(done.cause()));
        }
        ctx.fireUserEventTriggered(evt);
    }

    /**
     * The stall sweep found nothing read for a whole --stall-timeout (see {@link Transport}): the
     * exchange fails, or a kept-alive connection nobody used goes. On the loop.
     */
    void stalled() {
        Exchange exchange = connection.current();
        if (exchange == null) {
            connection.close(); // kept alive but unused for a whole stall period: let it go
        } else {
            exchange.fail(FailureReason.TIMEOUT, "no data received for " + transport.stallSeconds() + " s");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange exchange = connection.current();
        if (exchange != null) {
            Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            if (root instanceof SSLException) {
                exchange.fail(FailureReason.TLS, TlsMessages.describe(root));
            } else if (root instanceof TooLongFrameException) {
                exchange.fail(FailureReason.PROTOCOL, "response header too large");
            } else if (cause instanceof DecoderException) {
                exchange.fail(FailureReason.PROTOCOL, "invalid response: " + Exchange.describe(root));
            } else if (root instanceof IOException) {
                exchange.onConnectionLost(FailureReason.CONNECTION_RESET, "connection error: " + Exchange.describe(root));
            } else {
                exchange.fail(FailureReason.INTERNAL, Exchange.describe(root));
            }
        }
        connection.close();
    }
}
