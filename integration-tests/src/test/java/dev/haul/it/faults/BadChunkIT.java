package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertWholeThenResumed;
import static dev.haul.it.faults.Faults.assertSavedExactly;
import static dev.haul.it.faults.Faults.assertNoFinalFile;
import static dev.haul.it.faults.Faults.assertPrefixOf;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chunked encoding whose chunk size is not a hexadecimal number: a broken body, never a file.
 * What was saved before the bad chunk is true and may be continued.
 */
class BadChunkIT {
    private static final int GOOD = 0x2000;

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** One good chunk of {@code GOOD} bytes, then a chunk size line that is not hex, then bytes that are not the body. */
    private static void brokenChunked(byte[] body, OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nETag: \"chunk\"\r\nAccept-Ranges: bytes\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(GOOD) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, GOOD);
        out.write("\r\nzz-not-a-size\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[4096]); // zeros: they must not reach the file
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void badChunkSizeFailsWithoutAFinalFileAndKeepsOnlyTrueBytes() {
        byte[] body = Bodies.of(501, 3 * GOOD);
        server = RawHttpServer.start((request, out) -> brokenChunked(body, out));

        HaulProcess.Result run = haul("--retries", "0", "-u", USER, "-d", dir.toString(), server.url("/chunked.bin")).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertNoFinalFile(dir, "chunked.bin");
        Path part = dir.resolve("chunked.bin.part");
        if (Files.exists(part)) {
            assertPrefixOf(body, part);
        }
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(server.url("/chunked.bin"))), run::describe);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
        assertAuthorizationOnEvery(server.requests());
    }

    @Test
    void badChunkSizeIsRetriedFromTheTrueBytes() {
        byte[] body = Bodies.of(502, 3 * GOOD);
        server = RawHttpServer.start((request, out) -> {
            String range = request.header("Range");
            if (range == null) {
                brokenChunked(body, out);
                return;
            }
            int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            RawHttpServer.writeResponse(out, "206 Partial Content", Map.of("ETag", "\"chunk\"",
                    "Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length,
                    "Content-Length", String.valueOf(body.length - from)), body, from, body.length);
        });

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/chunked.bin")).run();

        assertSavedExactly(run, dir, "chunked.bin", body);
        assertWholeThenResumed(server.requests(), GOOD, "\"chunk\"");
    }
}
