package dev.haul.core.transport;

import io.netty.handler.codec.http2.Http2StreamChannel;

/**
 * One stream of an h2 connection carrying one {@link Exchange}: the HTTP/2 way to carry an
 * attempt. Closing it resets only this stream (RST_STREAM CANCEL); the connection and its other
 * streams go on. Pausing it stops the stream channel's reads, which withholds this stream's
 * WINDOW_UPDATEs only: the connection window is refilled as bytes arrive (see {@link H2Codec}),
 * so a paused stream never holds up the others. Loop-confined.
 */
final class H2Stream implements Carrier {
    final H2Connection connection;
    private final Exchange exchange;
    private Http2StreamChannel channel;
    private boolean readingOff;
    /** The server will not process it (GOAWAY above its id, or REFUSED_STREAM): safe to send elsewhere. */
    private boolean refused;
    /** Set when a reset came from the server: why the stream ended early, for the message. */
    private String resetBy;
    private boolean ended;
    private long lastActivityNanos;

    H2Stream(H2Connection connection, Exchange exchange) {
        this.connection = connection;
        this.exchange = exchange;
    }

    Exchange exchange() {
        return ended ? null : exchange;
    }

    void attached(Http2StreamChannel channel) {
        this.channel = channel;
        if (readingOff) channel.config().setAutoRead(false);
    }

    @Override
    public void setAutoRead(boolean on) {
        readingOff = !on;
        if (channel == null) return;
        channel.config().setAutoRead(on);
        if (on) channel.read();
    }

    @Override
    public void touch(long nowNanos) {
        lastActivityNanos = nowNanos;
    }

    /** Nothing came in on this stream for a whole stall period, and reading was not held on purpose. */
    boolean stalled(long nowNanos, long stallNanos) {
        return !ended && !readingOff && nowNanos - lastActivityNanos >= stallNanos;
    }

    @Override
    public void close() {
        end();
        if (channel != null) channel.close(); // RST_STREAM (CANCEL) unless the stream already ended
    }

    @Override
    public void completed(boolean reusable) {
        end(); // the stream channel closes itself once the end of the stream is read
    }

    /** Counted out of the connection at once, so the next exchange may take the slot right away. */
    void end() {
        if (ended) return;
        ended = true;
        connection.streamEnded(this);
    }

    void refused() {
        refused = true;
    }

    void resetByServer(long errorCode) {
        if (errorCode == io.netty.handler.codec.http2.Http2Error.REFUSED_STREAM.code()) refused = true;
        io.netty.handler.codec.http2.Http2Error e = io.netty.handler.codec.http2.Http2Error.valueOf(errorCode);
        resetBy = e == null ? "error " + errorCode : e.name();
    }

    String resetBy() {
        return resetBy;
    }

    @Override
    public boolean unprocessed() {
        return refused;
    }

    @Override
    public void retryElsewhere(Exchange e) {
        connection.transport.dispatch(e);
    }

    @Override
    public String protocol() {
        return "h2";
    }
}
