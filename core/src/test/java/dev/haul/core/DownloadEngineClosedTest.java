package dev.haul.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** A list can still be read while the run shuts down: a request that arrives too late is dropped quietly. */
class DownloadEngineClosedTest {
    @TempDir
    Path dir;

    @Test
    void submittingAfterCloseThrowsNothingBackAtTheInputThread() {
        DownloadEngine engine = DownloadEngine.start(EngineConfig.defaults(dir), e -> { });
        engine.close();

        assertDoesNotThrow(() -> engine.submit(DownloadRequest.of(Urls.parse("http://127.0.0.1:9/late.bin"))));
        assertDoesNotThrow(() -> engine.cancelAll());
        assertDoesNotThrow(() -> engine.finishInput());
    }
}
