package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertSavedExactly;
import static dev.haul.it.faults.Faults.assertResumeAsked;
import static dev.haul.it.faults.Faults.assertWholeFileAsked;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The file changes on the server (a new ETag) between two requests: the saved bytes belong to
 * the old version, so the download starts again from zero. The result is exactly the new
 * version, never old bytes with new ones spliced on.
 */
class ValidatorChangeIT {
    private static final int SIZE = 90_000;
    private static final int CUT = 33_000;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void fileChangedBetweenAttemptsIsTakenWholeFromTheNewVersion() {
        byte[] v1 = Bodies.of(301, SIZE);
        byte[] v2 = Bodies.of(302, SIZE); // the same size: only the validator tells them apart
        RangeOrigin origin = new RangeOrigin(v1, "\"v1\"", First.CUT, CUT);
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> {
            origin.respond(request, out);
            if (count.incrementAndGet() == 1) {
                origin.replace(v2, "\"v2\""); // published while the client was reading v1
            }
        });

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/changing.bin")).run();

        assertSavedExactly(run, dir, "changing.bin", v2);
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        // If-Range carries the old ETag, so an honest server answers the new version whole (200).
        assertResumeAsked(requests.get(1), CUT, "\"v1\"");
        assertAuthorizationOnEvery(requests);
    }

    @Test
    void serverIgnoringIfRangeAfterAChangeIsNotSplicedOnto() {
        byte[] v1 = Bodies.of(303, SIZE);
        byte[] v2 = Bodies.of(304, SIZE);
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> {
            int n = count.incrementAndGet();
            String range = request.header("Range");
            if (n == 1) {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(SIZE),
                        "ETag", "\"v1\"", "Accept-Ranges", "bytes"), v1, 0, CUT);
            } else if (range != null) {
                // The file is now v2, and this server answers the range of v2 whatever If-Range says.
                int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                RawHttpServer.writeResponse(out, "206 Partial Content", Map.of(
                        "Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE,
                        "Content-Length", String.valueOf(SIZE - from), "ETag", "\"v2\"", "Accept-Ranges", "bytes"),
                        v2, from, SIZE);
            } else {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(SIZE),
                        "ETag", "\"v2\"", "Accept-Ranges", "bytes"), v2, 0, SIZE);
            }
        });

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/ignored.bin")).run();

        assertSavedExactly(run, dir, "ignored.bin", v2);
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(3, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        assertResumeAsked(requests.get(1), CUT, "\"v1\"");
        assertWholeFileAsked(requests.get(2));
        assertAuthorizationOnEvery(requests);
    }
}
