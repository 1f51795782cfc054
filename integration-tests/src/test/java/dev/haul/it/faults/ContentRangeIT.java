package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertSavedExactly;
import static dev.haul.it.faults.Faults.assertPrefixOf;
import static dev.haul.it.faults.Faults.assertResumeAsked;
import static dev.haul.it.faults.Faults.assertWholeFileAsked;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A 206 whose Content-Range does not match the request (another start, another total) is not
 * appended to the saved bytes: the retry asks for the whole file, and the result is exact.
 */
class ContentRangeIT {
    private static final int SIZE = 80_000;
    private static final int CUT = 25_000;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The bad 206 answers {@code Range: bytes=CUT-} with these bytes of the body, under this Content-Range. */
    private RawHttpServer serveWithBadPartial(byte[] body, int from, String contentRange) {
        AtomicInteger count = new AtomicInteger();
        return RawHttpServer.start((request, out) -> {
            int n = count.incrementAndGet();
            Map<String, String> whole = Map.of("Content-Length", String.valueOf(SIZE), "ETag", "\"cr\"",
                    "Accept-Ranges", "bytes");
            if (n == 1) {
                RawHttpServer.writeResponse(out, "200 OK", whole, body, 0, CUT);
            } else if (request.header("Range") != null) {
                RawHttpServer.writeResponse(out, "206 Partial Content", Map.of("Content-Range", contentRange,
                        "Content-Length", String.valueOf(SIZE - from), "ETag", "\"cr\"", "Accept-Ranges", "bytes"),
                        body, from, SIZE);
            } else {
                RawHttpServer.writeResponse(out, "200 OK", whole, body, 0, SIZE);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"another start", "another total"})
    void mismatchedContentRangeRestartsFromZero(String fault) {
        byte[] body = Bodies.of(401 + fault.length(), SIZE);
        server = fault.equals("another start")
                ? serveWithBadPartial(body, 0, "bytes 0-" + (SIZE - 1) + "/" + SIZE)
                : serveWithBadPartial(body, CUT, "bytes " + CUT + "-" + (SIZE - 1) + "/" + (SIZE + 5_000));

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/range.bin")).run();

        assertSavedExactly(run, dir, "range.bin", body);
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(3, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        assertResumeAsked(requests.get(1), CUT, "\"cr\"");
        assertWholeFileAsked(requests.get(2));
        assertAuthorizationOnEvery(requests);
    }

    @Test
    void mismatchedTotalWithoutRetriesFailsAndKeepsOnlyTrueBytes() {
        byte[] body = Bodies.of(411, SIZE);
        server = serveWithBadPartial(body, CUT, "bytes " + CUT + "-" + (SIZE - 1) + "/" + (SIZE * 2));
        String url = server.url("/total.bin");
        haul("--retries", "0", "-u", USER, "-d", dir.toString(), url).run();

        HaulProcess.Result again = haul("--retries", "0", "-u", USER, "-d", dir.toString(), url).run();

        assertEquals(1, again.exitCode(), again::describe);
        assertEquals(List.of(), again.stdoutLines(), again::describe);
        assertFalse(DirListing.names(dir).contains("total.bin"), () -> "files: " + DirListing.names(dir));
        Path part = dir.resolve("total.bin.part");
        if (part.toFile().exists()) {
            assertPrefixOf(body, part);
        }
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        assertResumeAsked(requests.get(1), CUT, "\"cr\"");
        assertAuthorizationOnEvery(requests);
    }
}
