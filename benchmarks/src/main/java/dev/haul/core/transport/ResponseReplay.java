package dev.haul.core.transport;

import dev.haul.core.EngineConfig;
import dev.haul.core.FailureReason;
import dev.haul.core.Urls;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays one recorded HTTP response through the transport's real response path: the
 * {@link HttpClientCodec} with the production limits, then {@link ConnectionHandler}, then an
 * {@link Exchange} and its listener, on an {@link EmbeddedChannel} (no socket, no event loop
 * wake-ups, no TLS). The same kept-alive connection carries every replay, as a pooled connection
 * carries one request after another.
 *
 * <p>Lives in the transport's package, in the benchmarks module, because those types are
 * package-private; on the class path a package may span two jars.
 *
 * <p>Not thread-safe; one instance per benchmark thread.
 */
public final class ResponseReplay implements AutoCloseable {
    private final Transport transport = new Transport(EngineConfig.defaults(Path.of("unused")));
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final HttpConnection connection;
    private final RequestSpec request;
    private final Route route;
    private final Sink sink = new Sink();
    private final ByteBuf[] packets;
    private final long bodyBytes;

    /**
     * @param url         the URL the response answers (only its origin matters)
     * @param response    the whole response as it comes off the wire: status line, headers, body
     * @param packetBytes how the bytes arrive: in reads of this many bytes (the last one shorter)
     * @param bodyBytes   the body's length after decoding, to check every replay
     */
    public ResponseReplay(String url, byte[] response, int packetBytes, long bodyBytes) {
        if (packetBytes < 1) throw new IllegalArgumentException("packetBytes must be positive");
        URI uri = Urls.parse(url);
        Origin origin = Origin.of(uri);
        this.route = Route.direct(origin);
        this.request = new RequestSpec(uri, List.of());
        this.bodyBytes = bodyBytes;
        this.connection = new HttpConnection(channel, route);
        channel.pipeline().addLast("http", new HttpClientCodec(HttpClientInitializer.MAX_INITIAL_LINE,
                HttpClientInitializer.MAX_HEADER_BYTES, HttpClientInitializer.MAX_CHUNK));
        channel.pipeline().addLast("exchange", new ConnectionHandler(connection, transport));
        int count = (response.length + packetBytes - 1) / packetBytes;
        packets = new ByteBuf[count];
        for (int i = 0; i < count; i++) {
            int from = i * packetBytes;
            int n = Math.min(packetBytes, response.length - from);
            // Direct, as the bytes of a socket read are. Each replay hands the decoder a retained
            // duplicate: its reference count is then above one, so a cumulating decoder copies
            // rather than appends into these shared bytes.
            packets[i] = Unpooled.directBuffer(n).writeBytes(response, from, n);
        }
    }

    /**
     * One exchange: the response's packets go in, the listener sees the head, the body slices
     * and the end. Returns a checksum of what the listener saw (so that nothing is optimised
     * away); throws when the response did not arrive whole.
     */
    public long replay() {
        sink.reset();
        Exchange exchange = new Exchange(transport, request, route, sink);
        connection.begin(exchange, true);
        for (ByteBuf packet : packets) {
            channel.writeInbound(packet.retainedDuplicate());
        }
        if (!sink.complete || sink.bytes != bodyBytes || sink.failure != null) {
            throw new IllegalStateException("replay ended with " + sink.bytes + " of " + bodyBytes + " body bytes, complete "
                    + sink.complete + (sink.failure == null ? "" : ", failed: " + sink.failure + " " + sink.message));
        }
        // The exchange put the connection in the pool; take it out again for the next replay.
        transport.forget(connection);
        return sink.bytes ^ sink.status ^ sink.mix;
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
        for (ByteBuf packet : packets) packet.release();
        transport.close(() -> {});
    }

    /** Stands in for the engine: looks at every slice once, as a positional write would. */
    private static final class Sink implements ExchangeListener {
        long bytes;
        long mix;
        int status;
        boolean complete;
        FailureReason failure;
        String message;

        void reset() {
            bytes = 0;
            mix = 0;
            status = 0;
            complete = false;
            failure = null;
            message = null;
        }

        @Override
        public void onResponse(ResponseHead head) {
            status = head.status();
            mix += head.contentLength();
        }

        @Override
        public void onBody(ByteBuffer chunk) {
            int n = chunk.remaining();
            if (n > 0) mix = mix * 31 + chunk.get(chunk.position()) + chunk.get(chunk.limit() - 1);
            bytes += n;
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onError(FailureReason reason, String text) {
            failure = reason;
            message = text;
        }
    }
}
