package dev.haul.core.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslCloseCompletionEvent;

/**
 * Sits right after the SslHandler: the server's TLS {@code close_notify} is the end of its input,
 * as a TCP FIN would be. A body without Content-Length or chunking ends there at once (the HTTP
 * decoder ends a close-delimited body on {@link ChannelInputShutdownEvent}), instead of waiting
 * for the server to close TCP, which some never do before the stall timeout. Then the connection
 * is closed, which sends haul's own close_notify (the SslHandler does on close) before the TCP close.
 * On the loop, as every handler.
 */
final class TlsCloseNotify extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        ctx.fireUserEventTriggered(evt);
        if (evt instanceof SslCloseCompletionEvent closed && closed.isSuccess()) {
            ctx.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
            ctx.close(); // nothing more can come: a connection the server closed its side of is never reused
        }
    }
}
