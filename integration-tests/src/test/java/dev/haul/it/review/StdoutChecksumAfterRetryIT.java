package dev.haul.it.review;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -o - --sha256}: the first response is cut mid-body and the retry continues it with a
 * 206. Every byte went through stdout once, so the checksum covers them all: the right one
 * passes, a wrong one fails, and neither hangs.
 */
class StdoutChecksumAfterRetryIT {
    private static final int SIZE = 600_000;
    private static final int CUT = 250_000;
    private static final byte[] BODY = Bodies.of(300, SIZE);

    @TempDir
    Path cwd;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HaulProcess.Result run(String sha256) {
        server = RawHttpServer.start(new RangeOrigin(BODY, "\"strong\"", First.CUT, CUT));
        try (HaulProcess haul = haul("-o", "-", "--sha256", sha256, server.url("/piped.bin")).cwd(cwd).start()) {
            return haul.awaitExit(Duration.ofSeconds(30));
        }
    }

    private void assertContinuedWithARange() {
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        assertEquals("bytes=" + CUT + "-", requests.get(1).header("Range"), requests::toString);
        assertEquals("\"strong\"", requests.get(1).header("If-Range"), requests::toString);
    }

    @Test
    void rightChecksumPassesOverTheCutAndItsContinuation() {
        HaulProcess.Result run = run(Sha256.of(BODY));

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(SIZE, run.stdout().length, run::describe);
        assertEquals(Sha256.of(BODY), Sha256.of(run.stdout()), run::describe);
        assertContinuedWithARange();
    }

    @Test
    void wrongChecksumFailsOverTheCutAndItsContinuation() {
        HaulProcess.Result run = run("0".repeat(64));

        assertEquals(1, run.exitCode(), run::describe);
        List<String> lines = run.stderrLines().stream().filter(l -> l.contains("sha256")).toList();
        assertEquals(1, lines.size(), run::describe);
        assertTrue(lines.get(0).contains(Sha256.of(BODY)), () -> "the line names what was received\n" + run.describe());
        assertFalse(run.stderr().contains("\tat "), run::describe);
        assertContinuedWithARange();
    }
}
