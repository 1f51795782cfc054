package dev.haul.core.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's close_notify ends a close-delimited body at once, and the connection closes (sending haul's). */
class TlsCloseNotifyTest {
    @Test
    void closeNotifyEndsABodyWithoutLengthAndClosesTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(new TlsCloseNotify(), new HttpClientCodec());
        ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello", StandardCharsets.US_ASCII));
        List<Object> before = drain(ch);
        assertInstanceOf(HttpResponse.class, before.get(0));
        assertFalse(before.stream().anyMatch(m -> m instanceof LastHttpContent), "the body is open until the server says it ended");

        ch.pipeline().fireUserEventTriggered(SslCloseCompletionEvent.SUCCESS);

        List<Object> after = drain(ch);
        assertEquals(1, after.size(), after.toString());
        assertInstanceOf(LastHttpContent.class, after.get(0));
        assertFalse(ch.isOpen(), "closed: the SslHandler sends haul's close_notify on close");
    }

    @Test
    void aFailedCloseIsLeftToTheConnectionsErrorPath() {
        EmbeddedChannel ch = new EmbeddedChannel(new TlsCloseNotify(), new HttpClientCodec());
        ch.pipeline().fireUserEventTriggered(new SslCloseCompletionEvent(new javax.net.ssl.SSLException("bad")));
        assertTrue(ch.isOpen());
    }

    private static List<Object> drain(EmbeddedChannel ch) {
        List<Object> out = new ArrayList<>();
        for (Object m; (m = ch.readInbound()) != null; ) {
            out.add(m instanceof HttpContent c && !(m instanceof LastHttpContent) ? "content:" + c.content().readableBytes() : m);
            ReferenceCountUtil.release(m);
        }
        return out;
    }
}
