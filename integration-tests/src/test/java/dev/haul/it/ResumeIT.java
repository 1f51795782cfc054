package dev.haul.it;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** Serves {@code versions[current]}: the first request is cut after {@link #CUT} bytes; Range is honoured after. */
    private final class Origin implements RawHttpServer.Handler {
        final AtomicBoolean cutNext = new AtomicBoolean(true);
        volatile byte[] body;
        volatile String etag;

        Origin(byte[] body, String etag) {
            this.body = body;
            this.etag = etag;
        }

        @Override
        public void respond(RawHttpServer.Request request, OutputStream out) throws IOException {
            byte[] b = body;
            String range = request.header("Range");
            String ifRange = request.header("If-Range");
            boolean sameVersion = ifRange == null || ifRange.equals(etag);
            if (range != null && range.matches("bytes=\\d+-") && sameVersion) {
                int from = Integer.parseInt(range.substring(6, range.length() - 1));
                RawHttpServer.writeResponse(out, "206 Partial Content", Map.of(
                        "Content-Length", String.valueOf(b.length - from),
                        "Content-Range", "bytes " + from + "-" + (b.length - 1) + "/" + b.length,
                        "ETag", etag, "Accept-Ranges", "bytes"), b, from, b.length);
                return;
            }
            Map<String, String> headers = Map.of(
                    "Content-Length", String.valueOf(b.length), "ETag", etag, "Accept-Ranges", "bytes");
            int end = cutNext.getAndSet(false) ? CUT : b.length;
            RawHttpServer.writeResponse(out, "200 OK", headers, b, 0, end);
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void truncatedBodyIsRetriedFromTheBytesAlreadySaved() {
        byte[] body = Bodies.of(1, SIZE);
        server = RawHttpServer.start(new Origin(body, "\"v1\""));

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
        server = RawHttpServer.start(new Origin(Bodies.of(2, SIZE), "\"v1\""));

        HaulProcess.Result run = haul("--retries", "0", "-d", dir.toString(), server.url("/big.bin")).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertFalse(DirListing.names(dir).contains("big.bin"), () -> "files: " + DirListing.names(dir));
        assertTrue(DirListing.names(dir).contains("big.bin.part"), () -> "files: " + DirListing.names(dir));
    }

    @Test
    void runningTheSameCommandAgainResumesWithIfRange() {
        byte[] body = Bodies.of(3, SIZE);
        server = RawHttpServer.start(new Origin(body, "\"v1\""));
        haul("--retries", "0", "-d", dir.toString(), server.url("/big.bin")).run();

        HaulProcess.Result again = haul("--retries", "0", "-d", dir.toString(), server.url("/big.bin")).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("big.bin")));
        RawHttpServer.Request resumed = server.requests().get(1);
        assertEquals("bytes=" + CUT + "-", resumed.header("Range"), resumed::toString);
        assertEquals("\"v1\"", resumed.header("If-Range"), resumed::toString);
        assertEquals(List.of("big.bin"), List.copyOf(DirListing.names(dir)));
    }

    @Test
    void changedFileOnTheServerIsDownloadedAgainNotSpliced() {
        Origin origin = new Origin(Bodies.of(4, SIZE), "\"v1\"");
        server = RawHttpServer.start(origin);
        haul("--retries", "0", "-d", dir.toString(), server.url("/big.bin")).run();
        byte[] newVersion = Bodies.of(5, SIZE + 1_000);
        origin.body = newVersion;
        origin.etag = "\"v2\"";

        HaulProcess.Result again = haul("--retries", "0", "-d", dir.toString(), server.url("/big.bin")).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(newVersion), Sha256.of(dir.resolve("big.bin")));
        assertEquals(List.of("big.bin"), List.copyOf(DirListing.names(dir)));
    }
}
