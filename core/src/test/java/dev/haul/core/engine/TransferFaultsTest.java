package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.engine.Lifecycle.State;
import dev.haul.core.storage.NameReservations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.haul.core.engine.TransferTesting.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults issue 13 found in the core, each pinned by what a user would see. */
class TransferFaultsTest {
    private static final byte[] BODY = TransferTesting.body(100);

    @TempDir
    Path dir;

    @Test
    void pausingDuringTheBackOffStillCountsThatRetry() {
        FakeHost host = new FakeHost(FakeHost.config(dir).withRetries(1));
        Transfer t = host.transfer(TransferTesting.URL);
        t.admitted();
        host.last().respond(503);
        assertEquals(State.RETRY_WAIT, t.state());

        t.togglePause();
        t.togglePause();

        assertEquals(2, host.sent.size(), "unpausing sends the retry");
        assertEquals(2, t.snapshot().attempt(), "and it is the second attempt");
        host.last().respond(503);
        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, host.outcome(), "--retries 1: no third attempt");
        assertEquals(503, f.httpStatus());
        assertEquals(2, host.sent.size());
    }

    @Test
    void theRetryEventNamesTheAttemptThatFailed() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer(TransferTesting.URL);
        t.admitted();
        host.last().respond(503);
        host.timePasses(Duration.ofSeconds(1));
        host.last().respond(503);

        var attempts = host.events.stream().filter(e -> e instanceof TransferEvent.Retry).map(e -> e.transfer().attempt()).toList();
        assertEquals(java.util.List.of(1, 2), attempts);
    }

    @Test
    void aCancelledTransferReportsTheBytesItKeeps() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer(TransferTesting.URL);
        t.admitted();
        ok(host.last(), 100).body(BODY, 0, 40);

        t.cancel();

        Outcome.Cancelled c = assertInstanceOf(Outcome.Cancelled.class, host.outcome());
        assertEquals(40, c.kept());
        assertEquals(40, c.moved());
    }

    @Test
    void aResumedFileCountsTheBytesMovedApartFromItsSize() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer first = host.transfer(TransferTesting.URL);
        first.admitted();
        ok(host.last(), 100).body(BODY, 0, 70);
        first.cancel();

        Transfer again = host.transfer(TransferTesting.URL);
        again.admitted();
        host.last().respond(206, "Content-Range", "bytes 70-99/100", "Content-Length", "30", "ETag", "\"v1\"")
                .body(BODY, 70, 100).complete();

        Outcome.Completed c = assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertEquals(100, c.bytes(), "the file's size");
        assertEquals(30, c.moved(), "what this run received");
    }

    @Test
    void anExceptionInsideTheTransfersWorkFailsItWithOneLineInsteadOfLeavingItActive() {
        FakeHost host = new FakeHost(FakeHost.config(dir)) {
            @Override
            public NameReservations names() {
                throw new java.nio.file.InvalidPathException("caf\u00e9.txt", "Malformed input or input contains unmappable characters");
            }
        };
        Transfer t = host.transfer("http://example.test/caf%C3%A9.txt");

        t.admitted();

        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, host.outcome());
        assertEquals(FailureReason.INTERNAL, f.reason());
        assertTrue(f.message().startsWith("internal error: InvalidPathException"), f.message());
        assertFalse(f.message().contains("\n"), "one line");
        assertEquals(State.FAILED, t.state());
    }

    @Test
    void anExceptionInATimerFailsTheTransferAndEndsItOnce() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer(TransferTesting.URL);
        t.admitted();
        host.last().respond(503);
        host.roomAtNewOrigin = false;
        t.guardedHost.schedule(() -> {
            throw new IllegalArgumentException("a bug in a timer");
        }, 10);

        host.timePasses(Duration.ofMillis(10));

        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, host.outcome());
        assertEquals("internal error: IllegalArgumentException: a bug in a timer", f.message());
        host.timePasses(Duration.ofSeconds(5));
        assertEquals(1, host.outcomes.size(), "the back-off timer ended with the transfer");
        assertEquals(1, host.sent.size());
    }
}
