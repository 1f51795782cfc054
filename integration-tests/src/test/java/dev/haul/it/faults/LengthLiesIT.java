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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertWholeThenResumed;
import static dev.haul.it.faults.Faults.assertSavedExactly;
import static dev.haul.it.faults.Faults.assertWholeFileAsked;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Content-Length that is not the length of the body. Longer than the body: the connection is
 * cut after N bytes, and the retry continues from them. Shorter: the message ends where the
 * header says; what follows is not part of the file (as curl and wget read it).
 */
class LengthLiesIT {
    private static final int SIZE = 100_000;
    private static final int CUT = 37_000;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void cutAfterNBytesIsContinuedFromThemWithIfRangeAndCredentials() {
        byte[] body = Bodies.of(101, SIZE);
        server = RawHttpServer.start(new RangeOrigin(body, "\"len-1\"", First.CUT, CUT));

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/cut.bin")).run();

        assertSavedExactly(run, dir, "cut.bin", body);
        assertWholeThenResumed(server.requests(), CUT, "\"len-1\"");
    }

    @Test
    void contentLengthShorterThanTheBodySavesExactlyTheAnnouncedBytes() {
        byte[] sent = Bodies.of(102, SIZE);
        int announced = 60_000;
        server = RawHttpServer.start((request, out) -> RawHttpServer.writeResponse(out, "200 OK",
                Map.of("Content-Length", String.valueOf(announced), "ETag", "\"len-2\""), sent, 0, sent.length));

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/short-header.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(Arrays.copyOf(sent, announced)), Sha256.of(dir.resolve("short-header.bin")));
        assertEquals(Set.of("short-header.bin"), DirListing.names(dir));
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(1, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        assertAuthorizationOnEvery(requests);
    }
}
