package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertSavedExactly;
import static dev.haul.it.faults.Faults.assertResumeAsked;
import static dev.haul.it.faults.Faults.assertWholeFileAsked;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that stops sending is given up on after --stall-timeout and the retry continues the
 * saved bytes; a server that is slow but never silent for that long is waited for to the end.
 */
class StallAndDripIT {
    @TempDir
    Path dir;

    private RangeOrigin origin;
    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        if (origin != null) {
            origin.release();
        }
        server.close();
    }

    @Test
    void stallIsGivenUpAfterTheStallTimeoutAndTheRetryContinuesTheSavedBytes() {
        byte[] body = Bodies.of(201, 120_000);
        int sentBeforeStall = 30_000;
        origin = new RangeOrigin(body, "\"stall\"", First.STALL, sentBeforeStall);
        server = RawHttpServer.startConcurrent(origin); // the stalled response holds its thread

        HaulProcess.Result run = haul("--stall-timeout", "1", "-u", USER, "-d", dir.toString(),
                server.url("/stall.bin")).run();

        assertSavedExactly(run, dir, "stall.bin", body);
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        assertResumeAsked(requests.get(1), sentBeforeStall, "\"stall\"");
        assertAuthorizationOnEvery(requests);
        long waited = server.arrivalNanos().get(1) - server.arrivalNanos().get(0);
        assertTrue(waited >= TimeUnit.SECONDS.toNanos(1), () -> "gave up before the stall timeout: " + waited + " ns");
    }

    @Test
    void steadyDripSlowerThanTheStallTimeoutInTotalDoesNotTimeOut() {
        int piece = 2_048;
        int pieces = 16;
        long every = 200; // ms: well inside a 1 s stall timeout, and the whole body takes over 3 s
        byte[] body = Bodies.of(202, piece * pieces);
        server = RawHttpServer.start((request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nETag: \"drip\"\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < pieces; i++) {
                out.write(body, i * piece, piece);
                out.flush();
                pace(every);
            }
        });
        long started = System.nanoTime();

        HaulProcess.Result run = haul("--stall-timeout", "1", "-u", USER, "-d", dir.toString(),
                server.url("/drip.bin")).start().awaitExit(Duration.ofSeconds(30));

        assertSavedExactly(run, dir, "drip.bin", body);
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(1, requests.size(), () -> "a drip is not a stall: " + requests);
        assertWholeFileAsked(requests.get(0));
        assertAuthorizationOnEvery(requests);
        long took = System.nanoTime() - started;
        assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(every * (pieces - 1)), () -> "the drip was slow: " + took + " ns");
    }

    /** The pace of the drip: the server's own speed, not a way of waiting for the client. */
    private static void pace(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
