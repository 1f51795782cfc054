package dev.haul.it;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
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
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -x N} splits one file over several ranged connections, and the pieces fit exactly. */
class SegmentedIT {
    // haul splits only files of at least two 1 MiB segments.
    private static final int SIZE = 8 * 1024 * 1024;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void fourConnectionsAssembleTheExactFileFromRangedRequests() {
        byte[] body = Bodies.of(15, SIZE);
        server = RawHttpServer.startConcurrent(new RangeOrigin(body, "\"seg\"", First.WHOLE, 0));

        HaulProcess.Result run = haul("-x", "4", "-d", dir.toString(), server.url("/iso.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("iso.img").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("iso.img")));
        long ranged = server.requests().stream()
                .filter(r -> r.method().equals("GET") && r.header("Range") != null).count();
        assertTrue(ranged >= 2, () -> "ranged GETs: " + server.requests());
    }

    @Test
    void perHostOneKeepsASegmentedDownloadToOneConnectionAtATime() {
        byte[] body = Bodies.of(17, SIZE);
        server = RawHttpServer.startConcurrent(new RangeOrigin(body, "\"seg1\"", First.WHOLE, 0));

        HaulProcess.Result run = haul("-x", "4", "--per-host", "1", "-d", dir.toString(),
                server.url("/one.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("one.img")));
        assertEquals(1, server.maxInFlight(), () -> "requests: " + server.requests());
    }

    @Test
    void serverWithoutRangesStillGivesTheExactFile() {
        byte[] body = Bodies.of(16, SIZE);
        server = RawHttpServer.startConcurrent((request, out) -> RawHttpServer.writeResponse(out, "200 OK",
                Map.of("Content-Length", String.valueOf(body.length)), body,
                0, request.method().equals("HEAD") ? 0 : body.length));

        HaulProcess.Result run = haul("-x", "4", "-d", dir.toString(), server.url("/plain.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("plain.img")));
    }

    @Test
    void interruptedSegmentedDownloadIsResumedToTheExactFile() throws Exception {
        byte[] body = Bodies.of(18, SIZE);
        RangeOrigin origin = new RangeOrigin(body, "\"seg2\"", First.STALL, 256 * 1024);
        server = RawHttpServer.startConcurrent(origin);
        String url = server.url("/resume.img");

        HaulProcess.Result stopped;
        try (HaulProcess haul = haul("--json", "-x", "4", "-d", dir.toString(), url).start()) {
            haul.awaitStdoutLine(line -> line.contains("\"event\":\"started\""), Duration.ofSeconds(30));
            // The main response stalls; the extra connections' requests show the download is split.
            assertTrue(server.awaitRequests(2, Duration.ofSeconds(30)), () -> "requests: " + server.requests());
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(haul.pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
            stopped = haul.awaitExit(Duration.ofSeconds(30));
        } finally {
            origin.release();
        }
        assertEquals(143, stopped.exitCode(), stopped::describe);

        HaulProcess.Result again = haul("-x", "4", "-d", dir.toString(), url).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("resume.img")));
        assertEquals(List.of("resume.img"), List.copyOf(DirListing.names(dir)));
    }
}
