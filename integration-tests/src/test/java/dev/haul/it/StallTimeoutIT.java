package dev.haul.it;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that stops sending mid-body is given up on after --stall-timeout, not waited on forever. */
class StallTimeoutIT {
    @TempDir
    Path dir;

    private RangeOrigin origin;
    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        origin.release();
        server.close();
    }

    @Test
    void stalledBodyFailsAfterTheStallTimeoutAndKeepsThePart() {
        origin = new RangeOrigin(Bodies.of(8, 100_000), "\"st\"", First.STALL, 30_000);
        server = RawHttpServer.start(origin);

        HaulProcess.Result run;
        try (HaulProcess haul = haul("--stall-timeout", "1", "--retries", "0", "-d", dir.toString(),
                server.url("/slow.bin")).start()) {
            // Far below the default 30 s stall timeout: only the option can end it this soon.
            run = haul.awaitExit(Duration.ofSeconds(15));
        }

        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains(server.url("/slow.bin")), run::describe);
        assertFalse(DirListing.names(dir).contains("slow.bin"), () -> "files: " + DirListing.names(dir));
    }
}
