package dev.haul.it.shell;

import dev.haul.it.support.Await;
import dev.haul.it.support.HaulProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code sleep 4 | haul}: while a piped list has given no URL, haul says it waits for one (once). */
class StdinWaitIT {
    private static final String WAITING = "haul: waiting for URLs on standard input";

    @TempDir
    Path dir;

    private final SmallFiles origin = new SmallFiles();

    @AfterEach
    void stop() {
        origin.close();
    }

    @Test
    void aQuietPipeIsAnnouncedOnceAndTheListStillRunsWhenItComes() {
        HaulProcess.Result run;
        try (HaulProcess haul = haul("-d", dir.toString()).keepStdinOpen().start()) {
            Await.until(() -> haul.stderrSoFar().contains(WAITING), Duration.ofSeconds(60),
                    () -> "the waiting line; stderr so far:\n" + haul.stderrSoFar());
            haul.writeStdin(origin.url("/late.txt") + "\n");
            haul.closeStdin();
            run = haul.awaitExit();
        }

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("late.txt").toString()), run.stdoutLines(), run::describe);
        assertEquals(1, run.stderrLines().stream().filter(WAITING::equals).count(), run::describe);
        assertArrayEquals(SmallFiles.body("/late.txt"), readAll(dir.resolve("late.txt")));
    }

    @Test
    void aListThatArrivesAtOnceGetsNoWaitingLine() {
        HaulProcess.Result run = haul("-d", dir.toString()).stdin(origin.url("/now.txt") + "\n").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(0, run.stderrLines().stream().filter(WAITING::equals).count(), run::describe);
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
