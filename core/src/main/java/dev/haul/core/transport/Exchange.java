package dev.haul.core.transport;

import dev.haul.core.FailureReason;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

import java.nio.ByteBuffer;

/**
 * One request and its response on one connection. Loop-confined. The owner may {@link #abort()}
 * at any time; the transport then closes the connection and reports nothing more.
 */
public final class Exchange {
    private final Transport transport;
    final RequestSpec request;
    final Route route;
    private final ExchangeListener listener;
    private HttpConnection connection;
    private boolean responded;
    private boolean keepAlive;
    private boolean finished;
    private boolean retriedStale;
    private boolean readingPaused;

    Exchange(Transport transport, RequestSpec request, Route route, ExchangeListener listener) {
        this.transport = transport;
        this.request = request;
        this.route = route;
        this.listener = listener;
    }

    /** Stops the exchange and closes its connection (never returned to the pool). Idempotent. */
    public void abort() {
        if (finished) return;
        finished = true;
        if (connection != null) connection.close();
    }

    /** Stops reading from the socket (back-pressure or pause); the server's sends then block in TCP. */
    public void pauseReading() {
        readingPaused = true;
        if (connection != null) connection.setAutoRead(false);
    }

    public void resumeReading() {
        readingPaused = false;
        if (connection != null) {
            connection.touch(transport.now()); // time spent held is not the server's stall
            connection.setAutoRead(true);
        }
    }

    boolean readingPaused() {
        return readingPaused;
    }

    boolean isFinished() {
        return finished;
    }

    void attach(HttpConnection c) {
        this.connection = c;
        if (readingPaused) c.setAutoRead(false);
    }

    void onResponse(HttpResponse response) {
        if (finished) return;
        if (response.decoderResult().isFailure()) {
            fail(FailureReason.PROTOCOL, "invalid response: " + describe(response.decoderResult().cause()));
            return;
        }
        if (response.status().code() / 100 == 1) return; // 100 Continue and friends: wait for the real one
        responded = true;
        // A body without a length or chunking ends only with the connection (or a TLS close_notify): never reused.
        int code = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response) && (code == 204 || code == 304
                || HttpUtil.isContentLengthSet(response) || HttpUtil.isTransferEncodingChunked(response));
        listener.onResponse(new ResponseHead(response));
    }

    void onContent(HttpContent content) {
        if (finished || !responded) return;
        if (content.decoderResult().isFailure()) {
            fail(FailureReason.TRUNCATED, "broken body: " + describe(content.decoderResult().cause()));
            return;
        }
        ByteBuf buf = content.content();
        if (buf.isReadable()) {
            if (buf.nioBufferCount() == 1) {
                listener.onBody(buf.nioBuffer());
            } else {
                for (ByteBuffer b : buf.nioBuffers()) {
                    if (finished) return;
                    listener.onBody(b);
                }
            }
        }
        if (finished) return; // the listener aborted while consuming the chunk
        if (content instanceof LastHttpContent) {
            finished = true;
            HttpConnection c = connection;
            connection = null;
            if (keepAlive && !readingPaused) transport.release(c);
            else c.close();
            listener.onComplete();
        }
    }

    /** The connection went away before the response ended. */
    void onConnectionLost(FailureReason reason, String message) {
        if (finished) return;
        if (!responded && connection != null && connection.reused() && !retriedStale) {
            // A kept-alive connection the server had already closed: not this request's fault.
            retriedStale = true;
            HttpConnection old = connection;
            connection = null;
            old.close(); // detached first: its close must not report this exchange lost a second time
            transport.connectFresh(this);
            return;
        }
        fail(reason, message);
    }

    void fail(FailureReason reason, String message) {
        if (finished) return;
        finished = true;
        if (connection != null) connection.close();
        listener.onError(reason, message);
    }

    boolean responded() {
        return responded;
    }

    static String describe(Throwable t) {
        if (t == null) return "unknown error";
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
