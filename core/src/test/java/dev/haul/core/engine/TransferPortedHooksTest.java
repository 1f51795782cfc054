package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.Rerun;
import dev.haul.core.TransferEvent;
import dev.haul.core.Urls;
import dev.haul.core.engine.Lifecycle.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.haul.core.engine.TransferTesting.URL;
import static dev.haul.core.engine.TransferTesting.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other features' hooks in the lifecycle table, on virtual time: a dead first source hands
 * over to the next, -N's 304 leaves the file alone, and the durable rename ends the transfer.
 */
class TransferPortedHooksTest {
    private static final byte[] BODY = TransferTesting.body(100);
    private static final String MIRROR = "http://mirror.test/file.bin";

    @TempDir
    Path dir;

    @Test
    void aFirstSourceOutOfRetriesHandsTheFileToTheNextWithItsRetriesCountedAfresh() throws Exception {
        FakeHost host = new FakeHost(FakeHost.config(dir).withRetries(0));
        Transfer t = host.transfer(DownloadRequest.of(Urls.parse(URL)).withMirrors(List.of(Urls.parse(MIRROR))));
        t.admitted();
        host.last().error(FailureReason.CONNECT_FAILED);

        TransferEvent.SourceDropped dropped = host.events.stream().filter(e -> e instanceof TransferEvent.SourceDropped)
                .map(e -> (TransferEvent.SourceDropped) e).findFirst().orElseThrow();
        assertEquals(URL, dropped.source());
        assertFalse(host.events.stream().anyMatch(e -> e instanceof TransferEvent.Retry), "not a retry of the same source");
        host.timePasses(Duration.ZERO);
        assertEquals(State.CONNECTING, t.state());
        assertEquals("mirror.test", host.last().request().url().getHost());
        assertEquals(1, t.snapshot().attempt());
        assertEquals(List.of(MIRROR), t.snapshot().sources());

        ok(host.last(), 100).body(BODY, 0, 100).complete();
        Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertArrayEquals(BODY, Files.readAllBytes(done.path()));
    }

    @Test
    void theLastSourceOutOfRetriesFailsTheFile() {
        FakeHost host = new FakeHost(FakeHost.config(dir).withRetries(0));
        Transfer t = host.transfer(DownloadRequest.of(Urls.parse(URL)).withMirrors(List.of(Urls.parse(MIRROR))));
        t.admitted();
        host.last().error(FailureReason.CONNECT_FAILED);
        host.timePasses(Duration.ZERO);
        host.last().error(FailureReason.CONNECT_FAILED);
        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, host.outcome());
        assertEquals(FailureReason.CONNECT_FAILED, f.reason());
    }

    @Test
    void updateAsksConditionallyAndA304LeavesTheFileAsItWas() throws Exception {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        host.rerun = Rerun.UPDATE;
        byte[] old = TransferTesting.body(7);
        Files.write(dir.resolve("file.bin"), old);
        Transfer t = host.transfer(URL);
        t.admitted();
        assertNotNull(host.last().header("If-Modified-Since"));

        host.last().respond(304);
        Outcome.Completed kept = assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertTrue(kept.unchanged());
        assertEquals(0, kept.moved());
        assertFalse(host.last().aborted(), "a 304 has no body: its connection is left to end by itself");
        assertEquals(State.DONE, t.state());
        assertArrayEquals(old, Files.readAllBytes(dir.resolve("file.bin")));
    }

    @Test
    void aCompleteFileIsRecordedBeforeItTakesItsName() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer(URL);
        t.admitted();
        ok(host.last(), 100).body(BODY, 0, 100).complete();
        assertEquals(State.FINISHING, t.state(), "the bytes are forced first; the name comes back through the loop");
        assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertEquals(100, host.savedFiles.recordOf("file.bin").size());
    }
}
