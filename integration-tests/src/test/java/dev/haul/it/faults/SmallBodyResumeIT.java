package dev.haul.it.faults;

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
import java.util.List;
import java.util.Set;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sidecar is written when a batch of reads ends with the body unfinished (not after every
 * read): a small body cut short must still leave one, so that the next run continues it.
 */
class SmallBodyResumeIT {
    private static final int SIZE = 12_000;
    private static final int CUT = 5_000;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void aSmallBodyCutShortIsContinuedByTheNextRun() {
        byte[] body = Bodies.of(1302, SIZE);
        server = RawHttpServer.start(new RangeOrigin(body, "\"s2\"", First.CUT, CUT));
        HaulProcess.Result first = haul("--retries", "0", "-d", dir.toString(), server.url("/small.bin")).run();
        assertEquals(1, first.exitCode(), first::describe);
        assertEquals(Set.of("small.bin.part", "small.bin.part.meta"), DirListing.names(dir));

        // The same server (the same URL): only its first answer was cut.
        HaulProcess.Result second = haul("-d", dir.toString(), server.url("/small.bin")).run();

        assertEquals(0, second.exitCode(), second::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("small.bin")));
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), () -> "requests: " + requests);
        assertEquals("bytes=" + CUT + "-", requests.get(1).header("Range"));
        assertEquals(Set.of("small.bin"), DirListing.names(dir));
    }
}
