package dev.haul.it.review;

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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A segmented {@code .part} from an earlier run (bytes 1,000,000 to the end saved, ETag "a")
 * while the server now has another version: the rerun with {@code -x 2} gives exactly the new
 * bytes, never the old saved range spliced onto the new file.
 */
class SegmentedPartChangedIT {
    private static final int OLD_SIZE = 3_000_000;
    private static final int SAVED_FROM = 1_000_000;
    private static final String NAME = "seg.bin";

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** What an interrupted {@code -x} run leaves: the old bytes of the saved range, a sidecar naming it. */
    private void leaveSegmentedPart(String url) throws IOException {
        byte[] part = Bodies.of(100, OLD_SIZE);
        Arrays.fill(part, 0, SAVED_FROM, (byte) 0); // the first gap was never written
        Files.write(dir.resolve(NAME + ".part"), part);
        Files.writeString(dir.resolve(NAME + ".part.meta"), "haul-part 1\n"
                + "url=" + url + "\n"
                + "etag=\"a\"\n"
                + "total=" + OLD_SIZE + "\n"
                + "ranges=" + SAVED_FROM + "-" + OLD_SIZE + "\n", StandardCharsets.UTF_8);
    }

    private HaulProcess.Result rerun(String url) {
        return haul("-x", "2", "-d", dir.toString(), url).run();
    }

    private HaulProcess.Result rerunOnOneConnection(String url) {
        return haul("--retries", "1", "-d", dir.toString(), url).run();
    }

    private void assertExactly(byte[] expected, HaulProcess.Result run) {
        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(expected), Sha256.of(dir.resolve(NAME)), run::describe);
        assertEquals(Set.of(NAME), DirListing.names(dir), run::describe);
    }

    @Test
    void newVersionOfTheSameSizeIsTakenWholeNotSplicedOntoTheSavedRange() throws IOException {
        byte[] v2 = Bodies.of(101, OLD_SIZE);
        server = RawHttpServer.startConcurrent(new RangeOrigin(v2, "\"b\"", First.WHOLE, 0));
        String url = server.url("/" + NAME);
        leaveSegmentedPart(url);

        HaulProcess.Result run = rerun(url);

        assertExactly(v2, run);
        RawHttpServer.Request first = server.requests().get(0);
        assertEquals("bytes=0-", first.header("Range"), () -> "the saved ranges were offered: " + server.requests());
        assertEquals("\"a\"", first.header("If-Range"), () -> "with the old ETag: " + server.requests());
    }

    @Test
    void newVersionOfAnotherSizeIsTakenWhole() throws IOException {
        byte[] v2 = Bodies.of(102, 2_600_000);
        server = RawHttpServer.startConcurrent(new RangeOrigin(v2, "\"b\"", First.WHOLE, 0));
        String url = server.url("/" + NAME);
        leaveSegmentedPart(url);

        assertExactly(v2, rerun(url));
    }

    @Test
    void newVersionOfAnotherSizeIsTakenWholeOnOneConnectionToo() throws IOException {
        byte[] v2 = Bodies.of(105, 2_600_000);
        server = RawHttpServer.startConcurrent(new RangeOrigin(v2, "\"b\"", First.WHOLE, 0));
        String url = server.url("/" + NAME);
        leaveSegmentedPart(url);

        // Not measured against the old size: a body that ends at its own length is complete.
        assertExactly(v2, rerunOnOneConnection(url));
    }

    @Test
    void unsatisfiableRangeAnswerStartsAgainFromZero() throws IOException {
        byte[] v2 = Bodies.of(103, OLD_SIZE);
        server = RawHttpServer.startConcurrent((request, out) -> {
            if (request.header("Range") != null) {
                RawHttpServer.writeResponse(out, "416 Range Not Satisfiable",
                        Map.of("Content-Range", "bytes */" + v2.length, "Content-Length", "0"), v2, 0, 0);
            } else {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(v2.length),
                        "ETag", "\"b\""), v2, 0, request.method().equals("HEAD") ? 0 : v2.length);
            }
        });
        String url = server.url("/" + NAME);
        leaveSegmentedPart(url);

        assertExactly(v2, rerun(url));
    }

    @Test
    void partialAnswerForTheWrongRangeStartsAgainFromZero() throws IOException {
        byte[] v2 = Bodies.of(104, OLD_SIZE);
        int wrongStart = 500;
        server = RawHttpServer.startConcurrent((request, out) -> {
            if (request.header("Range") != null) {
                RawHttpServer.writeResponse(out, "206 Partial Content", Map.of(
                        "Content-Range", "bytes " + wrongStart + "-" + (v2.length - 1) + "/" + v2.length,
                        "Content-Length", String.valueOf(v2.length - wrongStart), "ETag", "\"a\""),
                        v2, wrongStart, v2.length);
            } else {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(v2.length),
                        "ETag", "\"b\""), v2, 0, request.method().equals("HEAD") ? 0 : v2.length);
            }
        });
        String url = server.url("/" + NAME);
        leaveSegmentedPart(url);

        assertExactly(v2, rerun(url));
    }
}
