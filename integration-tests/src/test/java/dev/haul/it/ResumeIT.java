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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body cut short is an error, never a success; the saved bytes are continued with a Range
 * request when the file is the same version, and thrown away when it changed.
 */
class ResumeIT {
    private static final int SIZE = 100_000;
    private static final int CUT = 40_000;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private HaulProcess.Result haulOnce() {
        return haul("--retries", "0", "-d", dir.toString(), server.url("/big.bin")).run();
    }

    @Test
    void truncatedBodyIsRetriedFromTheBytesAlreadySaved() {
        byte[] body = Bodies.of(1, SIZE);
        server = RawHttpServer.start(new RangeOrigin(body, "\"v1\"", First.CUT, CUT));

        HaulProcess.Result run = haul("-d", dir.toString(), server.url("/big.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("big.bin")));
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), () -> "requests: " + requests);
        assertEquals("bytes=" + CUT + "-", requests.get(1).header("Range"), () -> "requests: " + requests);
        assertEquals(List.of("big.bin"), List.copyOf(DirListing.names(dir)));
    }

    @Test
    void truncatedBodyWithNoRetriesFailsAndKeepsOnlyThePartFile() {
        server = RawHttpServer.start(new RangeOrigin(Bodies.of(2, SIZE), "\"v1\"", First.CUT, CUT));

        HaulProcess.Result run = haulOnce();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertFalse(DirListing.names(dir).contains("big.bin"), () -> "files: " + DirListing.names(dir));
        assertTrue(DirListing.names(dir).contains("big.bin.part"), () -> "files: " + DirListing.names(dir));
    }

    @Test
    void runningTheSameCommandAgainResumesWithIfRange() {
        byte[] body = Bodies.of(3, SIZE);
        server = RawHttpServer.start(new RangeOrigin(body, "\"v1\"", First.CUT, CUT));
        haulOnce();

        HaulProcess.Result again = haulOnce();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("big.bin")));
        RawHttpServer.Request resumed = server.requests().get(1);
        assertEquals("bytes=" + CUT + "-", resumed.header("Range"), resumed::toString);
        assertEquals("\"v1\"", resumed.header("If-Range"), resumed::toString);
        assertEquals(List.of("big.bin"), List.copyOf(DirListing.names(dir)));
    }

    @Test
    void changedFileOnTheServerIsDownloadedAgainNotSpliced() {
        RangeOrigin origin = new RangeOrigin(Bodies.of(4, SIZE), "\"v1\"", First.CUT, CUT);
        server = RawHttpServer.start(origin);
        haulOnce();
        byte[] newVersion = Bodies.of(5, SIZE + 1_000);
        origin.replace(newVersion, "\"v2\"");

        HaulProcess.Result again = haulOnce();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(newVersion), Sha256.of(dir.resolve("big.bin")));
        assertEquals(List.of("big.bin"), List.copyOf(DirListing.names(dir)));
    }

    @Test
    void serverIgnoringRangeOnTheRetryGivesTheWholeFileNotAppendedToThePart() {
        byte[] body = Bodies.of(6, SIZE);
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> RawHttpServer.writeResponse(out, "200 OK",
                Map.of("Content-Length", String.valueOf(SIZE), "ETag", "\"n\""), body, 0,
                count.incrementAndGet() == 1 ? CUT : SIZE));

        HaulProcess.Result run = haul("-d", dir.toString(), server.url("/big.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(2, server.requests().size(), () -> server.requests().toString());
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("big.bin")));
    }

    @Test
    void resumeWithOnlyLastModifiedUsesItAsTheValidator() {
        byte[] body = Bodies.of(7, SIZE);
        String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> {
            String range = request.header("Range");
            if (count.incrementAndGet() > 1 && range != null && lastModified.equals(request.header("If-Range"))) {
                int from = Integer.parseInt(range.substring(6, range.length() - 1));
                RawHttpServer.writeResponse(out, "206 Partial Content", Map.of(
                        "Content-Length", String.valueOf(SIZE - from), "Last-Modified", lastModified,
                        "Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE), body, from, SIZE);
            } else {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(SIZE),
                        "Last-Modified", lastModified, "Accept-Ranges", "bytes"), body, 0, count.get() == 1 ? CUT : SIZE);
            }
        });
        haulOnce();

        HaulProcess.Result again = haulOnce();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("big.bin")));
        RawHttpServer.Request resumed = server.requests().get(1);
        assertEquals("bytes=" + CUT + "-", resumed.header("Range"), resumed::toString);
        assertEquals(lastModified, resumed.header("If-Range"), resumed::toString);
    }
}
