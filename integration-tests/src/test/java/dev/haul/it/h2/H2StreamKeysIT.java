package dev.haul.it.h2;

import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.EngineListener;
import dev.haul.core.Outcome;
import dev.haul.core.TlsSettings;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Pause and cancel act on one h2 stream: the other streams of the connection keep going (a
 * paused stream withholds only its own window) and the connection survives.
 */
class H2StreamKeysIT {
    private static final byte[] LONG = Bodies.of(6001, 48 << 20);
    private static final byte[] OTHER = Bodies.of(6002, 8 << 20);

    @TempDir
    Path dir;
    @TempDir
    Path certs;

    private final Map<Long, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();

    private DownloadEngine start(H2Origin origin) {
        EngineConfig config = EngineConfig.defaults(dir).withJobs(4)
                .withTls(new TlsSettings(origin.certificate(), false))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
        EngineListener listener = e -> {
            if (e instanceof TransferEvent.Finished f) outcome(f.transfer().id()).complete(f.outcome());
        };
        return DownloadEngine.start(config, listener);
    }

    private CompletableFuture<Outcome> outcome(long id) {
        return outcomes.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    private static TransferSnapshot await(DownloadEngine engine, long id, Predicate<TransferSnapshot> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (TransferSnapshot t : engine.snapshot().transfers()) {
                if (t.id() == id && condition.test(t)) return t;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("condition not reached; last snapshot " + engine.snapshot());
    }

    private static TransferState state(DownloadEngine engine, long id) {
        return engine.snapshot().transfers().stream().filter(t -> t.id() == id).findFirst().orElseThrow().state();
    }

    @Test
    void aPausedStreamDoesNotHoldUpAnotherOnTheSameConnection() throws Exception {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100); DownloadEngine engine = start(origin)) {
            origin.serve("/long.bin", LONG);
            origin.serve("/other.bin", OTHER);
            long a = engine.submit(DownloadRequest.of(URI.create(origin.url("/long.bin"))));
            await(engine, a, t -> t.bytesDone() > 0);
            engine.togglePause(a);
            await(engine, a, t -> t.state() == TransferState.PAUSED);

            long b = engine.submit(DownloadRequest.of(URI.create(origin.url("/other.bin"))));
            assertInstanceOf(Outcome.Completed.class, outcome(b).get(60, TimeUnit.SECONDS));
            assertEquals(TransferState.PAUSED, state(engine, a), "still paused while the other stream finished");

            engine.togglePause(a);
            engine.finishInput();
            assertInstanceOf(Outcome.Completed.class, outcome(a).get(60, TimeUnit.SECONDS));
            assertEquals(Sha256.of(LONG), Sha256.of(dir.resolve("long.bin")));
            assertEquals(Sha256.of(OTHER), Sha256.of(dir.resolve("other.bin")));
            assertEquals(1, origin.connectionsAccepted(), "both streams on one connection");
            assertEquals(2, origin.requests().size(), "the paused stream went on where it was: no second request");
        }
    }

    @Test
    void cancellingOneStreamLeavesTheConnectionForTheNext() throws Exception {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100); DownloadEngine engine = start(origin)) {
            origin.serve("/long.bin", LONG);
            origin.serve("/other.bin", OTHER);
            long a = engine.submit(DownloadRequest.of(URI.create(origin.url("/long.bin"))));
            long b = engine.submit(DownloadRequest.of(URI.create(origin.url("/other.bin"))));
            await(engine, a, t -> t.bytesDone() > 0);
            engine.cancel(a);
            assertInstanceOf(Outcome.Cancelled.class, outcome(a).get(30, TimeUnit.SECONDS));
            assertInstanceOf(Outcome.Completed.class, outcome(b).get(60, TimeUnit.SECONDS));
            long c = engine.submit(DownloadRequest.of(URI.create(origin.url("/other.bin"))));
            engine.finishInput();
            assertInstanceOf(Outcome.Completed.class, outcome(c).get(60, TimeUnit.SECONDS));
            assertEquals(Sha256.of(OTHER), Sha256.of(dir.resolve("other.bin")));
            assertEquals(1, origin.connectionsAccepted(), "the reset stream did not take the connection with it");
        }
    }
}
