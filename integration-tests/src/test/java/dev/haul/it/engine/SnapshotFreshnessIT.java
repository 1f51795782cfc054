package dev.haul.it.engine;

import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.EngineListener;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DripServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots are made only while someone reads them every tick; a reader that asks seldom (a
 * summary every 5 s) must still see the engine as it is, not as it was at its last read.
 */
class SnapshotFreshnessIT {
    private static final byte[] BODY = Bodies.of(7, 2 * 1024 * 1024); // drips for about 2.5 s

    @TempDir
    Path dir;

    @Test
    void aSeldomReaderSeesTheTransferAsItIsNow() throws Exception {
        CompletableFuture<TransferEvent.Progress> firstProgress = new CompletableFuture<>();
        EngineListener listener = e -> {
            if (e instanceof TransferEvent.Progress p) firstProgress.complete(p);
        };
        EngineConfig config = EngineConfig.defaults(dir).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withProgressEvents(true);
        try (DripServer origin = DripServer.serving(BODY, 8192, 10); DownloadEngine engine = DownloadEngine.start(config, listener)) {
            long id = engine.submit(DownloadRequest.of(origin.uri("file.bin")));
            // The first progress event comes a second into the run: no snapshot was read until now.
            TransferEvent.Progress progress = firstProgress.get(10, TimeUnit.SECONDS);

            EngineSnapshot now = engine.snapshot();

            TransferSnapshot t = now.transfers().stream().filter(s -> s.id() == id).findFirst().orElseThrow(
                    () -> new AssertionError("the snapshot does not show the running transfer: " + now));
            assertEquals(TransferState.DOWNLOADING, t.state());
            assertTrue(t.bytesDone() >= progress.transfer().bytesDone(),
                    "the snapshot is older than the progress event: " + t.bytesDone() + " < " + progress.transfer().bytesDone());
            engine.cancel(id);
        }
    }
}
