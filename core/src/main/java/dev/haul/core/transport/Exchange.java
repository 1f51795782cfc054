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
    private Carrier connection;
    private boolean responded;
    private boolean keepAlive;
    private boolean finished;
    private boolean retriedStale;
    private boolean readingPaused;
    /** The body's last piece is being handed to the listener: the response has been read to its end. */
    private boolean deliveringLast;

    Exchange(Transport transport, RequestSpec request, Route route, ExchangeListener listener) {
        this.transport = transport;
        this.request = request;
        this.route = route;
        this.listener = listener;
    }

    /**
     * Stops the exchange and closes its connection, which is never returned to the pool — unless
     * the abort comes while the body's last piece is being handed over: then the server has sent
     * all it will for this response, and the kept-alive connection is clean for the next request
     * (a segment that ends where its range ends, a listener that stops at the last byte).
     * Idempotent.
     */
    public void abort() {
        if (finished) return;
        finished = true;
        if (connection == null) return;
        Carrier c = connection;
        connection = null;
        // Released before the listener goes on, so a request it starts next finds the connection idle.
        if (deliveringLast && keepAlive && !readingPaused) c.completed(true);
        else c.close();
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

    void attach(Carrier c) {
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
        listener.onResponse(new ResponseHead(response, connection == null ? "http/1.1" : connection.protocol()));
    }

    void onContent(HttpContent content) {
        if (finished || !responded) return;
        if (content.decoderResult().isFailure()) {
            fail(FailureReason.TRUNCATED, "broken body: " + describe(content.decoderResult().cause()));
            return;
        }
        ByteBuf buf = content.content();
        deliveringLast = content instanceof LastHttpContent;
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
            Carrier c = connection;
            connection = null;
            c.completed(keepAlive && !readingPaused);
            listener.onComplete();
        }
    }

    /** The connection went away before the response ended. */
    void onConnectionLost(FailureReason reason, String message) {
        if (finished) return;
        if (!responded && connection != null && connection.unprocessed() && !retriedStale) {
            // A kept-alive connection the server had already closed, or an h2 stream the server
            // refused or never saw (GOAWAY): not this request's fault.
            retriedStale = true;
            Carrier old = connection;
            connection = null;
            old.close(); // detached first: its close must not report this exchange lost a second time
            old.retryElsewhere(this);
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

    /** Waiting for a connection, not yet on one (h2: a connection being negotiated). */
    boolean unattached() {
        return connection == null;
    }

    static String describe(Throwable t) {
        if (t == null) return "unknown error";
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
