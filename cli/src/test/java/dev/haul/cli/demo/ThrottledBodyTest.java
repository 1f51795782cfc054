package dev.haul.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pace of a body, in virtual time: the handler on an EmbeddedChannel whose clock only moves when told. */
class ThrottledBodyTest {
    /** 25,000 bytes at 100,000 B/s: 5,000 at once, then 5,000 every 50 ms. */
    private static final Catalogue PACED = Catalogue.of(List.of(new Resource.Synthetic("paced.bin", 25_000, 100_000)));

    private EmbeddedChannel channel;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean ended;

    @BeforeEach
    void request() {
        channel = new EmbeddedChannel(new DemoHandler(PACED));
        channel.freezeTime();
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/paced.bin"));
        HttpResponse head = assertInstanceOf(HttpResponse.class, channel.readOutbound());
        assertEquals(200, head.status().code());
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    /** Moves the clock and returns the body bytes sent meanwhile. */
    private int after(long millis) {
        if (millis > 0) channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        int n = 0;
        for (Object m = channel.readOutbound(); m != null; m = channel.readOutbound()) {
            HttpContent c = (HttpContent) m;
            byte[] bytes = new byte[c.content().readableBytes()];
            c.content().readBytes(bytes);
            received.writeBytes(bytes);
            n += bytes.length;
            c.release();
            if (m instanceof LastHttpContent) ended = true;
        }
        return n;
    }

    @Test
    void aTicksShareGoesOutAtOnceAndThenOneShareEvery50Ms() throws Exception {
        assertEquals(5_000, after(0));
        assertEquals(0, after(49));
        assertEquals(5_000, after(1));
        assertEquals(15_000, after(150));
        assertTrue(ended);
        assertEquals(PACED.sha256("paced.bin"), DemoServerTest.sha256(received.toByteArray()));
    }

    @Test
    void ticksWhileTheClientIsNotReadingAreSkippedNotMadeUp() {
        assertEquals(5_000, after(0));
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        assertEquals(0, after(200));
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        assertEquals(5_000, after(50));
    }

    @Test
    void aClosedConnectionStopsTheTimer() {
        assertEquals(5_000, after(0));
        channel.close();
        assertEquals(-1, channel.runScheduledPendingTasks(), "no task left on the loop");
    }
}
