package dev.haul.it.shell;

import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Signals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM on a long list: the transfers that were running get a "cancelled" line each (they keep
 * a .part); the thousands that never started are summed in one count, not a line each.
 */
class NotStartedSummaryIT {
    private static final int ITEMS = 2_000;

    @TempDir
    Path dir;

    private final SmallFiles origin = new SmallFiles();

    @AfterEach
    void stop() {
        origin.close();
    }

    @Test
    void itemsThatNeverStartedAreSummedInOneLine() throws Exception {
        List<String> list = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) list.add(origin.url("/hang-" + i));
        Files.write(dir.resolve("urls.txt"), list);

        HaulProcess.Result run;
        try (HaulProcess haul = haul("--json", "-j", "2", "-d", dir.resolve("out").toString(),
                "-i", dir.resolve("urls.txt").toString()).start()) {
            // Every item is queued (the last one's event) and two have started saving.
            haul.awaitStdoutLine(l -> l.contains("\"event\":\"queued\"") && l.contains("/hang-" + ITEMS + "\""), Duration.ofSeconds(60));
            haul.awaitStdoutLine(l -> l.contains("\"event\":\"started\""), Duration.ofSeconds(60));
            haul.awaitStdoutLine(l -> l.contains("\"event\":\"started\""), Duration.ofSeconds(60));
            Signals.send("TERM", haul.pid());
            run = haul.awaitExit(Duration.ofSeconds(60));
        }

        assertEquals(143, run.exitCode(), run::describe);
        List<String> cancelledLines = run.stderrLines().stream().filter(l -> l.startsWith("haul: cancelled ")).toList();
        assertEquals(2, cancelledLines.size(), run::describe);
        assertTrue(cancelledLines.stream().allMatch(l -> l.endsWith("kept in .part)")), run::describe);
        assertTrue(run.stderr().contains("0 done, 0 failed, 2 cancelled, 1,998 not started; "), run::describe);
        assertTrue(run.stderrLines().size() < 20, () -> "a handful of lines, not one per item:\n" + run.describe());
    }
}
