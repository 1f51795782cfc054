package dev.haul.core.transport;

import dev.haul.core.EngineConfig;
import dev.haul.core.FailureReason;
import dev.haul.core.Urls;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One exchange on an {@link EmbeddedChannel} whose pipeline is the transport's, minus TLS and the
 * idle timer: HttpClientCodec with the production limits, then {@link ConnectionHandler}. The test
 * plays the server by writing raw response bytes; the listener records what the engine would see.
 */
final class EmbeddedExchange implements ExchangeListener, AutoCloseable {
    /** The stall clock, virtual: it moves only when a test says so. */
    final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
    final Transport transport = new Transport(EngineConfig.defaults(Path.of("unused")), clock::get);
    final EmbeddedChannel channel = new EmbeddedChannel();
    final HttpConnection connection;
    final Exchange exchange;
    final List<String> events = new ArrayList<>();
    final StringBuilder body = new StringBuilder();
    FailureReason failure;
    String failureMessage;
    /** When set, the listener aborts the exchange as soon as the body has this many bytes (as a full segment does). */
    int abortAtBodyLength = -1;

    EmbeddedExchange(String url) {
        URI uri = Urls.parse(url);
        Origin origin = Origin.of(uri);
        connection = new HttpConnection(channel, Route.direct(origin), transport);
        channel.pipeline().addLast("http", new HttpClientCodec(HttpClientInitializer.MAX_INITIAL_LINE,
                HttpClientInitializer.MAX_HEADER_BYTES, HttpClientInitializer.MAX_CHUNK));
        channel.pipeline().addLast("exchange", new ConnectionHandler(connection, transport));
        RequestSpec spec = new RequestSpec(uri, List.of());
        exchange = new Exchange(transport, spec, Route.direct(origin), this);
        connection.begin(exchange, false);
        connection.touch(clock.get()); // the request goes out now
        channel.writeOutbound(RequestEncoder.toNetty(spec, origin));
        channel.releaseOutbound(); // the request bytes: RequestEncoderTest checks them
    }

    /** The server sends these bytes. */
    EmbeddedExchange serve(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
        return this;
    }

    /** The server closes the connection. */
    void serverCloses() {
        channel.close();
    }

    @Override
    public void onResponse(ResponseHead head) {
        events.add("response " + head.status());
    }

    @Override
    public void onBody(ByteBuffer chunk) {
        if (!events.get(events.size() - 1).equals("body")) events.add("body");
        body.append(StandardCharsets.ISO_8859_1.decode(chunk));
        if (abortAtBodyLength >= 0 && body.length() >= abortAtBodyLength) exchange.abort();
    }

    @Override
    public void onComplete() {
        events.add("complete");
    }

    @Override
    public void onError(FailureReason reason, String message) {
        events.add("error " + reason);
        failure = reason;
        failureMessage = message;
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
        transport.close(() -> {});
    }

    /** A whole --stall-timeout (30 s) goes by without a read, and the transport's stall sweep runs. */
    void stallPeriodPasses() {
        timePasses(java.time.Duration.ofSeconds(30));
    }

    /** Virtual time moves on by {@code d}, then the stall sweep runs (default 30 s timeout). */
    void timePasses(java.time.Duration d) {
        clock.addAndGet(d.toNanos());
        Transport.sweepStalls(java.util.List.of(connection), clock.get(), java.time.Duration.ofSeconds(30).toNanos());
    }
}
