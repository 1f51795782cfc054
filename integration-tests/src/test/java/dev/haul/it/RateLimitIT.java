package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Json;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --limit-rate} caps all transfers together: loopback would otherwise take milliseconds. */
class RateLimitIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void threeFilesAtOneHundredKibPerSecondTogetherTakeAtLeastTwoSeconds() throws IOException {
        List<ServedFile> files = List.of(
                ServedFile.of("r1.bin", 81, 100 * 1024).stubOn(server),
                ServedFile.of("r2.bin", 82, 100 * 1024).stubOn(server),
                ServedFile.of("r3.bin", 83, 100 * 1024).stubOn(server));
        Path list = Files.write(dir.resolve("list.txt"), files.stream().map(f -> f.url(server)).toList());

        long start = System.nanoTime();
        HaulProcess.Result run = haul("--json", "--limit-rate", "100K", "-j", "3", "-d", dir.toString(),
                "-i", list.toString()).run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(0, run.exitCode(), run::describe);
        for (ServedFile f : files) {
            assertEquals(f.sha256(), Sha256.of(dir.resolve(f.name())));
        }
        // 300 KiB at 100 KiB/s is 3 s; a first burst of up to a second's worth may come at once.
        assertTrue(took.toMillis() >= 2_000, () -> "took " + took + "\n" + run.describe());
    }

    @Test
    void progressEventsComeAtMostOnceASecondPerTransfer() {
        ServedFile file = ServedFile.of("slow.bin", 84, 250 * 1024).stubOn(server);

        long start = System.nanoTime();
        HaulProcess.Result run = haul("--json", "--limit-rate", "100K", "-d", dir.toString(), file.url(server)).run();
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertEquals(0, run.exitCode(), run::describe);
        long progress = run.stdoutLines().stream()
                .map(Json::parseObject).filter(e -> "progress".equals(e.get("event"))).count();
        assertTrue(progress >= 1 && progress <= seconds + 1,
                () -> progress + " progress events in " + seconds + " s\n" + run.describe());
        assertEquals(file.sha256(), Sha256.of(dir.resolve("slow.bin")));
    }
}
