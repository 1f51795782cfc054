package dev.haul.core.transport;

import dev.haul.core.FailureReason;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One h2 connection to an origin and the streams it carries, up to the server's
 * SETTINGS_MAX_CONCURRENT_STREAMS. It takes exchanges once the server's first SETTINGS arrived
 * (until then the exchanges wait in its {@link Dial}); after a GOAWAY it takes no new ones and
 * closes when the last stream ends. Loop-confined.
 */
final class H2Connection {
    /** Streams we open on one connection at most, whatever the server allows (curl: 100). */
    static final int MAX_STREAMS = Integer.getInteger("haul.h2.maxStreams", 100);

    final Channel channel;
    final Route route;
    final Transport transport;
    private final Dial dial;
    private final Set<H2Stream> streams = new LinkedHashSet<>();
    private int maxStreams = MAX_STREAMS;
    private boolean settled;
    private boolean draining;
    private String error;
    /** Why the server ended the connection (an error GOAWAY): a retryable reason, shown with lost streams. */
    private String note;
    private long idleSinceNanos;

    H2Connection(Channel channel, Route route, Transport transport, Dial dial) {
        this.channel = channel;
        this.route = route;
        this.transport = transport;
        this.dial = dial;
    }

    /** Takes another stream now. */
    boolean hasRoom() {
        return settled && !draining && channel.isActive() && streams.size() < maxStreams;
    }

    /** The server's SETTINGS: the first one makes the connection ready. */
    void settings(Long maxConcurrentStreams) {
        if (maxConcurrentStreams != null) maxStreams = (int) Math.max(1, Math.min(MAX_STREAMS, maxConcurrentStreams));
        if (!settled) {
            settled = true;
            idleSinceNanos = transport.now();
            dial.ready(this);
        }
    }

    /** GOAWAY: no new streams here; those the server processes finish, the others are retried elsewhere. */
    void goAway() {
        draining = true;
        if (streams.isEmpty()) channel.close();
    }

    /** A connection error (ours or the server's): the streams fail with it, not as a plain reset. */
    void error(String message) {
        if (error == null) error = message;
        if (!settled) dial.h2StartFailed(true, message);
    }

    String error() {
        return error;
    }

    void note(String message) {
        if (note == null) note = message;
    }

    String note() {
        return note;
    }

    /** The channel closed. */
    void closed() {
        draining = true;
        transport.forget(this);
        if (!settled) dial.h2StartFailed(false, error != null ? error : "connection closed before the server's SETTINGS");
    }

    /** Opens a stream for the exchange and sends its request. On the loop. */
    void open(Exchange exchange) {
        H2Stream stream = new H2Stream(this, exchange);
        streams.add(stream);
        stream.touch(transport.now());
        exchange.attach(stream);
        FullHttpRequest request;
        try {
            request = RequestEncoder.toNetty(exchange.request, route);
        } catch (IllegalArgumentException e) {
            exchange.fail(FailureReason.BAD_REQUEST, "cannot build the request: " + e.getMessage());
            return;
        }
        new Http2StreamChannelBootstrap(channel).handler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                ch.pipeline().addLast("http", new Http2StreamFrameToHttpObjectCodec(false));
                ch.pipeline().addLast("exchange", new H2StreamHandler(stream, transport));
            }
        }).open().addListener(f -> {
            if (!f.isSuccess()) {
                request.release();
                exchange.onConnectionLost(FailureReason.CONNECTION_RESET,
                        "could not open an HTTP/2 stream: " + Exchange.describe(f.cause()));
                return;
            }
            Http2StreamChannel child = (Http2StreamChannel) f.getNow();
            stream.attached(child);
            if (stream.exchange() == null) { // aborted while the stream opened
                request.release();
                child.close();
                return;
            }
            child.writeAndFlush(request).addListener(w -> {
                if (!w.isSuccess()) {
                    stream.refused(); // the request never left: safe to send elsewhere
                    exchange.onConnectionLost(FailureReason.CONNECTION_RESET,
                            "could not send the request: " + Exchange.describe(w.cause()));
                }
            });
        });
    }

    void streamEnded(H2Stream stream) {
        if (!streams.remove(stream)) return;
        if (streams.isEmpty()) {
            idleSinceNanos = transport.now();
            if (draining) channel.close();
        }
    }

    /** Idle (no stream) for a whole stall period: let it go, as a kept-alive HTTP/1.1 connection. */
    boolean idleFor(long nowNanos, long stallNanos) {
        return settled && streams.isEmpty() && nowNanos - idleSinceNanos >= stallNanos;
    }

    /** The streams that read nothing for a stall period. */
    void collectStalled(long nowNanos, long stallNanos, java.util.List<H2Stream> into) {
        for (H2Stream s : streams) if (s.stalled(nowNanos, stallNanos)) into.add(s);
    }

    int streamCount() {
        return streams.size();
    }
}
