package dev.haul.it.sources;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Near the end of a {@code -x N} download, free connections take over the unfinished range of a
 * slow one by splitting it: the server never sends a byte twice (beyond what was in flight when
 * one connection's range was full: one read per request).
 */
class TailTakeOverIT {
    private static final int MIB = 1024 * 1024;
    private static final int SIZE = 8 * MIB;
    private static final int READ = 64 * 1024;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void aSlowRangeIsSplitNotFetchedTwice() {
        byte[] body = Bodies.of(41, SIZE);
        // The range that starts at 6 MiB comes in bursts of 256 KiB with pauses (as nginx's limit_rate
        // sends), the first response at a steady 4 MB/s, the others as fast as the socket takes them.
        PacedOrigin origin = new PacedOrigin(body, "\"tail\"").pace(r -> {
            long[] range = PacedOrigin.range(r);
            if (range == null) return new long[] {READ, 15};
            return range[0] == 6L * MIB ? new long[] {256 * 1024, 400} : new long[] {READ, 0};
        });
        server = RawHttpServer.startConcurrent(origin);

        HaulProcess.Result run = haul("-x", "4", "-d", dir.toString(), server.url("/tail.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("tail.img")));
        List<RawHttpServer.Request> requests = server.requests();
        long takeOvers = requests.stream().map(PacedOrigin::range)
                .filter(r -> r != null && r[0] > 6L * MIB).count();
        assertTrue(takeOvers >= 1, () -> "nobody took over the slow range: " + ranges(requests));
        long budget = SIZE + (long) READ * requests.size();
        assertTrue(origin.sent() <= budget, () -> "the server sent " + origin.sent() + " bytes for a file of " + SIZE
                + " (budget " + budget + "): " + ranges(requests));
    }

    private static String ranges(List<RawHttpServer.Request> requests) {
        StringBuilder b = new StringBuilder();
        for (RawHttpServer.Request r : requests) b.append(r.header("Range")).append(' ');
        return b.toString();
    }
}
