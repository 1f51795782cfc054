package dev.haul.it.h2;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;

import java.util.ArrayList;
import java.util.List;

/** One h2 connection of the origin: the GOAWAY scenario's held requests live here. On the origin's loop. */
final class ConnectionState {
    final H2Origin origin;
    final int number;
    private final Http2FrameCodec codec;
    private final ChannelPipeline pipeline;
    private final List<Runnable> held = new ArrayList<>();
    private final List<Integer> heldIds = new ArrayList<>();
    private boolean goneAway;

    ConnectionState(H2Origin origin, int number, Http2FrameCodec codec, ChannelPipeline pipeline) {
        this.origin = origin;
        this.number = number;
        this.codec = codec;
        this.pipeline = pipeline;
    }

    /** Answers now, or holds the answer for the GOAWAY scenario. */
    void answer(int streamId, Runnable respond) {
        int at = origin.goAwayAt;
        if (number != 1 || at == 0 || goneAway) {
            respond.run();
            return;
        }
        held.add(respond);
        heldIds.add(streamId);
        if (held.size() < at) return;
        goneAway = true;
        if (origin.goAwayKeep < at) {
            // The last stream the server will process: the ones above it were never seen, as far as the client knows.
            int last = heldIds.get(origin.goAwayKeep - 1);
            codec.goAway(pipeline.context(codec), last, Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER,
                    pipeline.channel().newPromise());
            pipeline.channel().flush();
        }
        for (int i = 0; i < origin.goAwayKeep; i++) held.get(i).run();
    }
}
