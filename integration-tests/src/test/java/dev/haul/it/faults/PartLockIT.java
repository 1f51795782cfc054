package dev.haul.it.faults;

import dev.haul.it.support.Await;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.DripServer;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two haul runs into one directory at once: the second finds the first's live {@code .part},
 * says in one line that another haul is downloading it, and leaves it alone; the first finishes
 * the file exactly.
 */
class PartLockIT {
    private static final int SIZE = 1 << 20; // about 3 s at 16 KiB every 50 ms: the second run comes well before the end

    @TempDir
    Path dir;

    @Test
    void aSecondRunIntoTheSameDirectoryLeavesTheLivePartAlone() throws Exception {
        try (DripServer server = new DripServer(SIZE, 16 * 1024, 50, "file.bin")) {
            String url = server.url("file.bin");
            Path part = dir.resolve("file.bin.part");
            try (HaulProcess first = haul("-d", dir.toString(), url).start()) {
                Await.until(() -> Await.lengthOf(part) > 0 && Await.lengthOf(dir.resolve("file.bin.part.meta")) > 0,
                        Duration.ofSeconds(30), () -> "the first run's .part and sidecar");

                HaulProcess.Result second = haul("-d", dir.toString(), url).run();

                assertEquals(1, second.exitCode(), second.describe());
                assertTrue(second.stderrLines().stream().anyMatch(l -> l.contains(url)
                        && l.contains("another haul is downloading file.bin")), second.describe());
                assertEquals(1, second.stderrLines().stream().filter(l -> l.contains("another haul")).count(), second.describe());
                assertTrue(second.stdoutLines().isEmpty(), second.describe());

                HaulProcess.Result firstRun = first.awaitExit();
                assertEquals(0, firstRun.exitCode(), firstRun.describe());
                assertEquals(server.sha256("file.bin"), Sha256.of(dir.resolve("file.bin")), "the first run's file is exact");
                assertEquals(Set.of("file.bin"), DirListing.names(dir));
            }
        }
    }
}
