package dev.haul.core.transport;

import dev.haul.core.FailureReason;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Sits after TLS until the handshake is done, then replaces itself with the pipeline of the
 * protocol ALPN chose: h2, or HTTP/1.1 when the server chose it or chose nothing. Until then,
 * failures (handshake, close) fail the {@link Dial}: no exchange is on the connection yet.
 * (Netty's ApplicationProtocolNegotiationHandler logs handshake failures itself, with a stack
 * trace: haul reports them as one line instead.) On the loop.
 */
final class ProtocolChooser extends ChannelInboundHandlerAdapter {
    private final Dial dial;
    private final Choice choice;
    private final List<Object> early = new ArrayList<>(1);
    private boolean chosen;

    /** Builds the chosen protocol's handlers into the pipeline and reports the connection ready. */
    interface Choice {
        void http1(ChannelHandlerContext ctx);

        void h2(ChannelHandlerContext ctx);
    }

    ProtocolChooser(Dial dial, Choice choice) {
        this.dial = dial;
        this.choice = choice;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (chosen) ctx.fireChannelRead(msg);
        else early.add(msg); // bytes decrypted in the same read as the handshake's end: keep them for the protocol
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && !chosen) {
            if (!done.isSuccess()) {
                dial.fail(FailureReason.TLS, TlsMessages.describe(done.cause()));
                ctx.close();
                return;
            }
            chosen = true;
            String protocol = ctx.pipeline().get(SslHandler.class).applicationProtocol();
            if ("h2".equals(protocol)) {
                choice.h2(ctx);
            } else if (dial.h2Only()) {
                dial.fail(FailureReason.PROTOCOL, "the server at " + dial.route.origin().hostHeader()
                        + " does not offer HTTP/2 (--http2 asks for nothing else)");
                ctx.close();
                return;
            } else {
                choice.http1(ctx);
            }
            ctx.pipeline().remove(this);
            for (Object m : early) ctx.fireChannelRead(m);
            if (!early.isEmpty()) ctx.fireChannelReadComplete();
            early.clear();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (root instanceof javax.net.ssl.SSLException) dial.fail(FailureReason.TLS, TlsMessages.describe(root));
        else dial.fail(FailureReason.CONNECTION_RESET, "connection error: " + Exchange.describe(root));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Object m : early) io.netty.util.ReferenceCountUtil.release(m);
        early.clear();
        dial.fail(FailureReason.CONNECTION_RESET, "connection closed during the TLS handshake");
        ctx.fireChannelInactive();
    }
}
