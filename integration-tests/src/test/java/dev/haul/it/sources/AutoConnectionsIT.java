package dev.haul.it.sources;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -x auto} adds connections where they raise the rate, and only there. */
class AutoConnectionsIT {
    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void aServerThatCapsEachConnectionGetsSeveral() {
        byte[] body = Bodies.of(61, 16 * 1024 * 1024);
        // About 1.3 MB/s per connection, whatever the number of connections.
        server = RawHttpServer.startConcurrent(new PacedOrigin(body, "\"auto\"").pace(r -> new long[] {64 * 1024, 50}));

        HaulProcess.Result run = haul("-v", "-x", "auto", "-d", dir.toString(), server.url("/capped.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("capped.img")));
        assertTrue(server.maxInFlight() >= 4, () -> "at most " + server.maxInFlight() + " at once");
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains("-x auto")), run::describe);
    }

    @Test
    void aServerWithOneCapForAllStaysNearOneConnection() {
        byte[] body = Bodies.of(62, 10 * 1024 * 1024);
        server = RawHttpServer.startConcurrent(new PacedOrigin(body, "\"shared\"").sharedRate(3_000_000));

        HaulProcess.Result run = haul("-x", "auto", "-d", dir.toString(), server.url("/shared.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("shared.img")));
        assertTrue(server.maxInFlight() <= 2, () -> server.maxInFlight() + " at once: " + server.requests());
    }

    @Test
    void aServerWithoutRangesGetsOneConnection() {
        byte[] body = Bodies.of(63, 4 * 1024 * 1024);
        server = RawHttpServer.startConcurrent(new PacedOrigin(body, "\"plain\"").withoutRanges()
                .pace(r -> new long[] {64 * 1024, 20}));

        HaulProcess.Result run = haul("-x", "auto", "-d", dir.toString(), server.url("/plain.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("plain.img")));
        assertEquals(1, server.requests().size(), () -> "requests: " + server.requests());
    }
}
