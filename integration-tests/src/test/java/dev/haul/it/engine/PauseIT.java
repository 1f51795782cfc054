package dev.haul.it.engine;

import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.EngineListener;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DripServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause and resume through the engine's API: no byte lost or duplicated, whether the connection survives or not. */
class PauseIT {
    private static final byte[] BODY = Bodies.of(7, 3 << 20);

    @TempDir
    Path dir;

    private DownloadEngine start(CompletableFuture<Outcome> outcome) {
        EngineConfig config = EngineConfig.defaults(dir).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1));
        EngineListener listener = e -> {
            if (e instanceof TransferEvent.Finished f) outcome.complete(f.outcome());
        };
        return DownloadEngine.start(config, listener);
    }

    private static TransferSnapshot await(DownloadEngine engine, Predicate<TransferSnapshot> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<TransferSnapshot> all = engine.snapshot().transfers();
            if (!all.isEmpty() && condition.test(all.get(0))) return all.get(0);
            Thread.onSpinWait();
        }
        throw new AssertionError("condition not reached; last snapshot " + engine.snapshot());
    }

    @Test
    void aShortPauseKeepsTheConnectionAndLosesNoByte() throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        try (DripServer origin = DripServer.serving(BODY, 8192, 10); DownloadEngine engine = start(outcome)) {
            long id = engine.submit(DownloadRequest.of(origin.uri("file.bin")));
            engine.finishInput();
            await(engine, t -> t.bytesDone() > 64 * 1024);
            engine.togglePause(id);
            await(engine, t -> t.state() == TransferState.PAUSED);
            engine.togglePause(id);
            Outcome o = outcome.get(30, TimeUnit.SECONDS);
            assertInstanceOf(Outcome.Completed.class, o);
            assertEquals(Sha256.of(BODY), Sha256.of(Files.readAllBytes(dir.resolve("file.bin"))));
            assertEquals(List.of(""), origin.ranges, "one request: the same connection went on");
        }
    }

    @Test
    void aPauseLongerThanTheStallTimeoutDropsTheConnectionAndResumesWithARange() throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        try (DripServer origin = DripServer.serving(BODY, 8192, 10); DownloadEngine engine = start(outcome)) {
            long id = engine.submit(DownloadRequest.of(origin.uri("file.bin")));
            engine.finishInput();
            await(engine, t -> t.bytesDone() > 64 * 1024);
            engine.togglePause(id);
            long saved = await(engine, t -> t.state() == TransferState.PAUSED).bytesDone();
            assertTrue(origin.clientWentAway.await(20, TimeUnit.SECONDS), "the paused connection is closed after the stall timeout");
            assertEquals(TransferState.PAUSED, engine.snapshot().transfers().get(0).state(), "still paused, not failed");
            long atResume = engine.snapshot().transfers().get(0).bytesDone();
            assertTrue(atResume >= saved);
            engine.togglePause(id);
            Outcome o = outcome.get(30, TimeUnit.SECONDS);
            assertInstanceOf(Outcome.Completed.class, o);
            assertEquals(Sha256.of(BODY), Sha256.of(Files.readAllBytes(dir.resolve("file.bin"))));
            assertEquals(2, origin.ranges.size(), origin.ranges.toString());
            assertEquals("bytes=" + atResume + "-", origin.ranges.get(1));
        }
    }
}
