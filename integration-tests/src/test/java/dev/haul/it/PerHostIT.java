package dev.haul.it;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many requests haul makes to one host at once. The server holds each response until a
 * given number of requests are in flight (or 5 s pass), so concurrency shows in its count.
 */
class PerHostIT {
    private static final int FILES = 6;

    @TempDir
    Path tmp;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void startServerHoldingUntil(int inFlight) {
        server = RawHttpServer.startConcurrent((request, out) -> {
            server.holdUntilInFlight(inFlight, Duration.ofSeconds(5));
            byte[] body = Bodies.of(request.target().hashCode(), 10_000);
            RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", "10000"), body, 0, body.length);
        });
    }

    private Path listOfFiles() throws IOException {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            urls.add(server.url("/p/" + i + ".bin"));
        }
        return Files.write(tmp.resolve("list.txt"), urls);
    }

    @Test
    void perHostTwoNeverHasMoreThanTwoRequestsInFlight() throws IOException {
        startServerHoldingUntil(2);
        Path out = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-j", "6", "--per-host", "2", "-d", out.toString(),
                "-i", listOfFiles().toString()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(FILES, run.stdoutLines().size(), run::describe);
        assertEquals(2, server.maxInFlight(), "requests in flight at once");
        for (int i = 0; i < FILES; i++) {
            assertEquals(Sha256.of(Bodies.of(("/p/" + i + ".bin").hashCode(), 10_000)),
                    Sha256.of(out.resolve(i + ".bin")));
        }
    }

    @Test
    void withoutPerHostAllSixJobsRunAtOnce() throws IOException {
        startServerHoldingUntil(FILES);
        Path out = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-j", "6", "-d", out.toString(), "-i", listOfFiles().toString()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(server.maxInFlight() == FILES, () -> "in flight at once: " + server.maxInFlight());
    }
}
