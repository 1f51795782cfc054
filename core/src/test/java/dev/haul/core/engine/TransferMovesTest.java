package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.FailureReason;
import dev.haul.core.OnExists;
import dev.haul.core.Outcome;
import dev.haul.core.Urls;
import dev.haul.core.engine.FakeHost.Sent;
import dev.haul.core.engine.Lifecycle.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static dev.haul.core.engine.TransferTesting.URL;
import static dev.haul.core.engine.TransferTesting.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state a transfer can be in and every move the table allows, each made at least once by
 * playing the server on virtual time; after all of them, the moves seen are checked against
 * {@link Lifecycle}.
 */
class TransferMovesTest {
    private static final Set<String> SEEN = new HashSet<>();
    private static final byte[] BODY = TransferTesting.body(100);
    private static final String OTHER = "http://other.test/file.bin";

    @TempDir
    Path dir;

    private FakeHost host() {
        return new FakeHost(FakeHost.config(dir));
    }

    private static Transfer watched(Transfer t) {
        t.watcher = (from, to) -> SEEN.add(from + "->" + to);
        return t;
    }

    private Transfer admitted(FakeHost host) {
        Transfer t = watched(host.transfer(URL));
        t.admitted();
        return t;
    }

    private static void boom(Transfer t) {
        t.guard(() -> {
            throw new IllegalStateException("injected");
        });
    }

    private static void assertFailed(FakeHost host, FailureReason reason) {
        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, host.outcome());
        assertEquals(reason, f.reason(), f.message());
    }

    @AfterAll
    static void everyAllowedMoveWasMade() {
        Set<String> missing = new TreeSet<>();
        for (State from : State.values()) {
            for (State to : Lifecycle.movesFrom(from)) {
                if (!SEEN.contains(from + "->" + to)) missing.add(from + "->" + to);
            }
        }
        assertEquals(Set.of(), missing, "allowed moves no test made");
    }

    @Test
    void aQueuedTransferIsCancelledOrFailsWithoutEverConnecting() {
        FakeHost host = host();
        watched(host.transfer(URL)).cancel();
        assertInstanceOf(Outcome.Cancelled.class, host.outcome());
        boom(watched(host.transfer(URL)));
        assertFailed(host, FailureReason.INTERNAL);
        assertEquals(0, host.sent.size());
    }

    @Test
    void aFileAnEarlierRunSavedFromTheSameUrlIsDoneWithoutARequest() throws Exception {
        FakeHost host = host();
        host.rerun = dev.haul.core.Rerun.SKIP_SAVED;
        Files.write(dir.resolve("file.bin"), BODY);
        host.savedFiles.record(new dev.haul.core.records.SavedFile("file.bin",
                SavedFileCheck.withoutUserInfo(Urls.parse(URL)), null, null, BODY.length), null, null);
        Transfer t = admitted(host);
        Outcome.Completed kept = assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertTrue(kept.skipped());
        assertEquals(State.DONE, t.state());
        assertEquals(0, host.sent.size());
    }

    @Test
    void aWholeBodyIsReceivedFinishedAndDone() {
        FakeHost host = host();
        admitted(host);
        ok(host.last(), 100).body(BODY, 0, 100).complete();
        assertInstanceOf(Outcome.Completed.class, host.outcome());
    }

    @Test
    void aConnectingTransferIsCancelledOrFailsOnA404() {
        FakeHost host = host();
        admitted(host).cancel();
        assertTrue(host.last().aborted());
        admitted(host);
        host.last().respond(404);
        assertFailed(host, FailureReason.HTTP_ERROR);
    }

    @Test
    void a503WaitsToRetryAndTheTimerSendsTheRetry() {
        FakeHost host = host();
        Transfer t = admitted(host);
        host.last().respond(503);
        assertEquals(State.RETRY_WAIT, t.state());
        host.timePasses(Duration.ofSeconds(1));
        assertEquals(State.CONNECTING, t.state());
        assertEquals(2, host.sent.size());
    }

    @Test
    void aRetryWaitIsCancelledPausedOrFails() {
        FakeHost host = host();
        Transfer a = admitted(host);
        host.last().respond(503);
        a.cancel();
        Transfer b = admitted(host);
        host.last().respond(503);
        b.togglePause();
        assertEquals(State.PAUSED_IDLE, b.state());
        Transfer c = admitted(host);
        host.last().respond(503);
        boom(c);
        assertFailed(host, FailureReason.INTERNAL);
    }

    @Test
    void aRedirectIsFollowedRetriedFailedOrCancelled() {
        FakeHost host = host();
        Transfer t = admitted(host);
        host.last().respond(302, "Location", "/moved");
        assertEquals(State.REDIRECTING, t.state());
        host.last().complete();
        assertEquals("/moved", host.last().request().url().getPath());
        host.last().respond(302, "Location", "/again").error(FailureReason.CONNECTION_RESET);
        assertEquals(State.RETRY_WAIT, t.state());
        admitted(host).cancel(); // CONNECTING, not a redirect: the next two are
        Transfer c = admitted(host);
        host.last().respond(302, "Location", "/x");
        c.cancel();
        assertInstanceOf(Outcome.Cancelled.class, host.outcome());
        admitted(host);
        host.last().respond(302, "Location", "/y").error(FailureReason.TLS);
        assertFailed(host, FailureReason.TLS);
    }

    @Test
    void aRedirectToAFullOriginQueuesAgainAndAdmissionSendsItThere() {
        FakeHost host = host();
        Transfer t = admitted(host);
        host.roomAtNewOrigin = false;
        host.last().respond(302, "Location", OTHER).complete();
        assertEquals(State.QUEUED, t.state());
        t.admitted();
        assertEquals(State.CONNECTING, t.state());
        assertEquals("other.test", host.last().request().url().getHost());
    }

    @Test
    void aRetryAfterARedirectStartsAtTheFirstOriginAndQueuesWhenItIsFull() {
        FakeHost host = host();
        Transfer t = admitted(host);
        host.last().respond(302, "Location", OTHER).complete();
        host.last().respond(503);
        host.roomAtNewOrigin = false;
        host.timePasses(Duration.ofSeconds(1));
        assertEquals(State.QUEUED, t.state());
    }

    @Test
    void unpausingAfterARedirectStartsAtTheFirstOriginAndQueuesWhenItIsFull() {
        FakeHost host = host();
        Transfer t = admitted(host);
        host.last().respond(302, "Location", OTHER).complete();
        ok(host.last(), 100).body(BODY, 0, 10);
        t.togglePause();
        host.timePasses(host.config.stallTimeout());
        host.roomAtNewOrigin = false;
        t.togglePause();
        assertEquals(State.QUEUED, t.state());
    }

    @Test
    void aReceivingTransferRetriesATruncatedBodyFailsWhenOutOfRetriesOrIsCancelled() {
        FakeHost host = new FakeHost(FakeHost.config(dir).withRetries(0));
        admitted(host);
        ok(host.last(), 100).body(BODY, 0, 10).error(FailureReason.TRUNCATED);
        assertFailed(host, FailureReason.TRUNCATED);
        FakeHost retrying = host();
        Transfer t = admitted(retrying);
        ok(retrying.last(), 100).body(BODY, 0, 10).error(FailureReason.TRUNCATED);
        assertEquals(State.RETRY_WAIT, t.state());
        Transfer c = admitted(retrying);
        ok(retrying.last(), 100).body(BODY, 0, 10);
        c.cancel();
        assertInstanceOf(Outcome.Cancelled.class, retrying.outcome());
    }

    @Test
    void aPausedTransferFinishesFailsOrIsCancelled() {
        FakeHost host = host();
        Transfer t = admitted(host);
        ok(host.last(), 100).body(BODY, 0, 100);
        t.togglePause();
        host.last().complete(); // every byte had arrived before the pause
        assertInstanceOf(Outcome.Completed.class, host.outcome());
        Transfer f = admitted(host);
        ok(host.last(), 100).body(BODY, 0, 10);
        f.togglePause();
        boom(f);
        assertFailed(host, FailureReason.INTERNAL);
        Transfer c = admitted(host);
        ok(host.last(), 100).body(BODY, 0, 10);
        c.togglePause();
        c.cancel();
        assertInstanceOf(Outcome.Cancelled.class, host.outcome());
    }

    @Test
    void aPausedTransferWhoseConnectionWentIsCancelledOrFails() {
        FakeHost host = host();
        Transfer c = admitted(host);
        ok(host.last(), 100).body(BODY, 0, 10);
        c.togglePause();
        host.timePasses(host.config.stallTimeout());
        assertEquals(State.PAUSED_IDLE, c.state());
        c.cancel();
        assertInstanceOf(Outcome.Cancelled.class, host.outcome());
        Transfer f = watched(host.transfer(OTHER));
        f.admitted();
        ok(host.last(), 100).body(BODY, 0, 10);
        f.togglePause();
        host.timePasses(host.config.stallTimeout());
        boom(f);
        assertFailed(host, FailureReason.INTERNAL);
    }

    @Test
    void aWrongChecksumFailsWhileFinishing() {
        FakeHost host = host();
        Transfer t = watched(host.transfer(new DownloadRequest(Urls.parse(URL), null, "00".repeat(32), null)));
        t.admitted();
        ok(host.last(), 100).body(BODY, 0, 100).complete();
        assertFailed(host, FailureReason.CHECKSUM_MISMATCH);
        assertTrue(Files.notExists(dir.resolve("file.bin.part")), "wrong bytes are not kept");
    }

    @Test
    void aResumedChecksummedFileIsCancelledWhileItsHashIsComputed() {
        FakeHost host = host();
        Transfer t = watched(host.transfer(new DownloadRequest(Urls.parse(URL), null, "00".repeat(32), null)));
        t.admitted();
        ok(host.last(), 100).body(BODY, 0, 40);
        t.togglePause();
        host.timePasses(host.config.stallTimeout());
        t.togglePause();
        host.last().respond(206, "Content-Range", "bytes 40-99/100", "Content-Length", "60", "ETag", "\"v1\"")
                .body(BODY, 40, 100).complete();
        assertEquals(State.FINISHING, t.state(), "the whole file is hashed off the loop");
        t.cancel();
        assertInstanceOf(Outcome.Cancelled.class, host.outcome());
    }

    @Test
    void aPartThatIsAlreadyWholeGoesStraightToFinishing() throws Exception {
        FakeHost host = host();
        Transfer first = admitted(host);
        ok(host.last(), 100).body(BODY, 0, 99);
        first.cancel();
        Files.write(dir.resolve("file.bin.part"), BODY); // the last byte arrived before the cancel, say
        Transfer t = admitted(host);
        assertEquals("bytes=100-", host.last().header("Range"));
        host.last().respond(416, "Content-Range", "bytes */100");
        assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertEquals(State.DONE, t.state());
    }

    @Test
    void anExistingFileIsSkippedWhenAskedTo() throws Exception {
        Files.writeString(dir.resolve("file.bin"), "kept");
        FakeHost host = new FakeHost(FakeHost.config(dir).withOnExists(OnExists.SKIP));
        admitted(host);
        ok(host.last(), 100);
        Outcome.Completed c = assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertTrue(c.skipped());
    }

    @Test
    void aPartTheServerNamesIsContinuedWithASecondRequestOfTheSameAttempt() {
        FakeHost host = host();
        Transfer first = admitted(host);
        host.last().respond(200, "Content-Length", "100", "ETag", "\"v1\"",
                "Content-Disposition", "attachment; filename=\"named.bin\"").body(BODY, 0, 40);
        first.cancel();
        Transfer t = admitted(host);
        host.last().respond(200, "Content-Length", "100", "ETag", "\"v1\"",
                "Content-Disposition", "attachment; filename=\"named.bin\"");
        assertEquals("bytes=40-", host.last().header("Range"));
        assertEquals(State.CONNECTING, t.state());
        assertEquals(1, t.snapshot().attempt(), "not a retry");
    }

    @Test
    void aServerNamedPartAfterARedirectQueuesWhenTheFirstOriginIsFull() {
        FakeHost host = host();
        Transfer first = admitted(host);
        host.last().respond(200, "Content-Length", "100", "ETag", "\"v1\"",
                "Content-Disposition", "attachment; filename=\"named.bin\"").body(BODY, 0, 40);
        first.cancel();
        Transfer t = admitted(host);
        host.last().respond(302, "Location", OTHER).complete();
        host.roomAtNewOrigin = false;
        host.last().respond(200, "Content-Length", "100", "ETag", "\"v1\"",
                "Content-Disposition", "attachment; filename=\"named.bin\"");
        assertEquals(State.QUEUED, t.state());
    }

    @Test
    void pausingAndUnpausingWhileReceivingKeepsTheConnection() {
        FakeHost host = host();
        Transfer t = admitted(host);
        ok(host.last(), 100).body(BODY, 0, 10);
        t.togglePause();
        t.togglePause();
        host.last().body(BODY, 10, 100).complete();
        assertInstanceOf(Outcome.Completed.class, host.outcome());
        assertEquals(1, host.sent.size());
    }

    @Test
    void unpausingAfterTheConnectionWentSendsANewRequest() {
        FakeHost host = host();
        Transfer t = admitted(host);
        ok(host.last(), 100).body(BODY, 0, 10);
        t.togglePause();
        host.timePasses(host.config.stallTimeout());
        t.togglePause();
        assertEquals(State.CONNECTING, t.state());
        assertEquals(2, host.sent.size());
    }
}
