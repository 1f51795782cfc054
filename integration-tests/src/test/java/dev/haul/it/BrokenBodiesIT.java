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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A body that does not add up is an error, never a file under its final name; one that does is a file. */
class BrokenBodiesIT {
    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void assertFailedWithoutFinalFile(HaulProcess.Result run, String name) {
        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertFalse(DirListing.names(dir).contains(name), () -> "files: " + DirListing.names(dir));
    }

    @Test
    void chunkedBodyWithoutItsLastChunkFails() {
        byte[] chunk = Bodies.of(12, 0x1000);
        server = RawHttpServer.start((request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n1000\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // ... and the connection closes with no terminating 0-length chunk.
        });

        HaulProcess.Result run = haul("--retries", "0", "-d", dir.toString(), server.url("/chunks.bin")).run();

        assertFailedWithoutFinalFile(run, "chunks.bin");
    }

    @Test
    void bodyEndedByClosingTheConnectionWithoutLengthIsComplete() {
        byte[] body = Bodies.of(11, 70_000);
        server = RawHttpServer.start((request, out) ->
                RawHttpServer.writeResponse(out, "200 OK", Map.of(), body, 0, body.length));

        HaulProcess.Result run = haul("--retries", "0", "-d", dir.toString(), server.url("/eof.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("eof.bin")));
    }

    @Test
    void contentLengthLongerThanTheBodyFails() {
        server = RawHttpServer.start(new RangeOrigin(Bodies.of(13, 50_000), "\"x\"", First.CUT, 10_000));

        HaulProcess.Result run = haul("--retries", "0", "-d", dir.toString(), server.url("/short.bin")).run();

        assertFailedWithoutFinalFile(run, "short.bin");
    }

    @Test
    void partialContentForAnotherRangeThanAskedFailsTheResume() {
        byte[] body = Bodies.of(14, 50_000);
        AtomicInteger requests = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> {
            Map<String, String> headers = Map.of("ETag", "\"r\"", "Accept-Ranges", "bytes",
                    "Content-Length", String.valueOf(body.length));
            if (requests.incrementAndGet() == 1) {
                RawHttpServer.writeResponse(out, "200 OK", headers, body, 0, 20_000);
            } else {
                // Whatever was asked for, answer with the whole file labelled as a 206 from byte 0.
                RawHttpServer.writeResponse(out, "206 Partial Content", Map.of("ETag", "\"r\"",
                        "Content-Range", "bytes 0-" + (body.length - 1) + "/" + body.length,
                        "Content-Length", String.valueOf(body.length)), body, 0, body.length);
            }
        });
        haul("--retries", "0", "-d", dir.toString(), server.url("/spliced.bin")).run();

        HaulProcess.Result again = haul("--retries", "0", "-d", dir.toString(), server.url("/spliced.bin")).run();

        assertEquals("bytes=20000-", server.requests().get(1).header("Range"), () -> server.requests().toString());
        assertFailedWithoutFinalFile(again, "spliced.bin");
    }
}
