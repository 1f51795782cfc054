package dev.haul.core.transport;

import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2LocalFlowController;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Settings;

/**
 * Builds the client's HTTP/2 frame codec with the settings bulk downloads and pausing need:
 * <ul>
 *   <li>a large stream window, so one stream is not held back by round trips (a small window made
 *       single h2 downloads several times slower than HTTP/1.1 in other clients); WINDOW_UPDATE goes
 *       out once half of it has been consumed, i.e. written, not per frame;</li>
 *   <li>the connection window refilled as bytes arrive, whatever the streams consume, so a paused
 *       stream (whose bytes stay unconsumed) can never starve the others: only its own window shuts;</li>
 *   <li>a 64 KiB cap on response header lists, as over HTTP/1.1; no server push.</li>
 * </ul>
 * The memory a stream can hold unread is its window: bounded per stream and by the stream limit.
 */
final class H2Codec extends Http2FrameCodecBuilder {
    /** Stream window: 4 MiB keeps a 100 ms path at 40 MB/s and bounds what a paused stream buffers. */
    static final int STREAM_WINDOW = Integer.getInteger("haul.h2.window", 4 << 20);
    static final long MAX_HEADER_LIST = HttpClientInitializer.MAX_HEADER_BYTES;

    private H2Codec() {
    }

    @Override
    public boolean isServer() {
        return false;
    }

    /** @param limitRate bytes per second for everything, or 0: a limited run needs no more than half a second's window */
    static Http2FrameCodec create(long limitRate) {
        int window = STREAM_WINDOW;
        if (limitRate > 0) window = (int) Math.max(64 * 1024, Math.min(window, limitRate / 2));
        DefaultHttp2Connection connection = new DefaultHttp2Connection(false);
        connection.local().flowController(new DefaultHttp2LocalFlowController(connection,
                DefaultHttp2LocalFlowController.DEFAULT_WINDOW_UPDATE_RATIO, true));
        H2Codec b = new H2Codec();
        b.connection(connection);
        b.initialSettings(Http2Settings.defaultSettings()
                .pushEnabled(false)
                .initialWindowSize(window)
                .maxHeaderListSize(MAX_HEADER_LIST));
        b.gracefulShutdownTimeoutMillis(0);
        // A stream opened while the server's limit is momentarily full (the slot of a stream that just
        // ended is given back a moment later) waits for it instead of failing.
        b.encoderEnforceMaxConcurrentStreams(true);
        return b.build();
    }
}
