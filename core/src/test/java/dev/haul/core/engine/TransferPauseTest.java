package dev.haul.core.engine;

import dev.haul.core.Outcome;
import dev.haul.core.TransferState;
import dev.haul.core.engine.FakeHost.Sent;
import dev.haul.core.engine.Lifecycle.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause and unpause, on virtual time: what stays open, what is asked for next. */
class TransferPauseTest {
    private static final byte[] BODY = TransferTesting.body(100);

    @TempDir
    Path dir;

    @Test
    void pausingStopsReadingAndUnpausingReadsOnOverTheSameConnection() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = TransferTesting.receiving(host, BODY, 40);

        t.togglePause();
        assertEquals(State.PAUSED, t.state());
        assertTrue(host.last().readingPaused());
        t.togglePause();

        assertEquals(State.RECEIVING, t.state());
        assertFalse(host.last().readingPaused());
        host.last().body(BODY, 40, 100).complete();
        assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertEquals(1, host.sent.size());
    }

    @Test
    void aPauseLongerThanTheStallTimeoutLetsTheConnectionGoAndUnpausingAsksForTheRest() throws Exception {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = TransferTesting.receiving(host, BODY, 40);
        t.togglePause();

        host.timePasses(host.config.stallTimeout());

        assertEquals(State.PAUSED_IDLE, t.state());
        assertEquals(TransferState.PAUSED, t.snapshot().state());
        assertTrue(host.last().aborted(), "the paused connection is closed");
        t.togglePause();
        Sent rest = host.last();
        assertEquals(2, host.sent.size());
        assertEquals("bytes=40-", rest.header("Range"));
        rest.respond(206, "Content-Range", "bytes 40-99/100", "Content-Length", "60", "ETag", "\"v1\"").body(BODY, 40, 100).complete();
        assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
        assertEquals(1, t.snapshot().attempt(), "letting a paused connection go is not a retry");
    }

    @Test
    void aPausedConnectionTheTransportGivesUpOnStaysPausedAndUnpausingAsksForTheRest() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = TransferTesting.receiving(host, BODY, 40);
        t.togglePause();

        host.last().error(dev.haul.core.FailureReason.TIMEOUT);
        host.timePasses(host.config.stallTimeout());

        assertEquals(State.PAUSED_IDLE, t.state());
        t.togglePause();
        assertEquals("bytes=40-", host.last().header("Range"));
    }

    @Test
    void pausingWhileConnectingPausesAsSoonAsTheBodyStarts() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer("http://example.test/file.bin");
        t.admitted();
        t.togglePause();
        assertEquals(State.CONNECTING, t.state());

        TransferTesting.ok(host.last(), BODY.length);

        assertEquals(State.PAUSED, t.state());
        assertTrue(host.last().readingPaused());
        assertNull(host.outcome());
    }
}
