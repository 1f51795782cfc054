package dev.haul.it.faults;

import dev.haul.it.support.Await;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertWholeThenResumed;
import static dev.haul.it.faults.Faults.assertResumeAsked;
import static dev.haul.it.faults.Faults.assertWholeFileAsked;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a server may answer to a resume. 416 with the recorded total: the .part already holds
 * the whole file, so it is completed without downloading it again. 200: the server sends the
 * whole file, which replaces the .part from byte zero (truncated, not written over).
 */
class RangeAnswersIT {
    private static final int SIZE = 120_000;

    @TempDir
    Path dir;

    private RawHttpServer server;
    private final CountDownLatch lastBytes = new CountDownLatch(1);

    @AfterEach
    void stopServer() {
        lastBytes.countDown();
        server.close();
    }

    @Test
    void rangeNotSatisfiableWithTheRecordedTotalCompletesWithoutDownloadingAgain() throws IOException {
        byte[] body = Bodies.of(1001, SIZE);
        int held = 1_000;
        AtomicInteger bodiesSent = new AtomicInteger();
        server = RawHttpServer.startConcurrent((request, out) -> {
            if (request.header("Range") == null) {
                bodiesSent.incrementAndGet();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + SIZE + "\r\nETag: \"whole\"\r\n"
                        + "Accept-Ranges: bytes\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, 0, SIZE - held);
                out.flush();
                await(lastBytes); // the test takes the final name meanwhile
                out.write(body, SIZE - held, held);
            } else {
                RawHttpServer.writeResponse(out, "416 Range Not Satisfiable", Map.of("Content-Range", "bytes */" + SIZE,
                        "ETag", "\"whole\"", "Content-Length", "0"), new byte[0], 0, 0);
            }
        });
        String url = server.url("/whole.bin");
        List<String> command = List.of("--on-exists", "fail", "-u", USER, "-d", dir.toString(), url);

        // First run: every byte arrives, but the name is taken before the rename, so the complete
        // .part is left with its record, as after a crash between the last byte and the rename.
        HaulProcess.Result first;
        try (HaulProcess haul = haul(command).start()) {
            Await.fileLength(dir.resolve("whole.bin.part"), SIZE - held, Duration.ofSeconds(30));
            Files.writeString(dir.resolve("whole.bin"), "someone else's file\n");
            lastBytes.countDown();
            first = haul.awaitExit();
        }
        assertEquals(1, first.exitCode(), first::describe);
        assertEquals(SIZE, Await.lengthOf(dir.resolve("whole.bin.part")), first::describe);
        Files.delete(dir.resolve("whole.bin"));

        HaulProcess.Result again = haul(command).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("whole.bin")));
        assertEquals(Set.of("whole.bin"), DirListing.names(dir));
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        assertResumeAsked(requests.get(1), SIZE, "\"whole\"");
        assertAuthorizationOnEvery(requests);
        assertEquals(1, bodiesSent.get(), "the body was sent once");
    }

    @Test
    void wholeFileAnsweredToARangeReplacesALongerPartFromZero() {
        byte[] v1 = Bodies.of(1002, SIZE);
        byte[] v2 = Bodies.of(1003, 50_000); // shorter than what the .part already holds
        int cut = 80_000;
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> {
            if (count.incrementAndGet() == 1) {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(SIZE),
                        "ETag", "\"one\"", "Accept-Ranges", "bytes"), v1, 0, cut);
            } else {
                // Ranges are ignored now: every request gets the whole (new) file.
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(v2.length),
                        "ETag", "\"two\""), v2, 0, v2.length);
            }
        });
        String url = server.url("/replaced.bin");
        HaulProcess.Result first = haul("--retries", "0", "-u", USER, "-d", dir.toString(), url).run();
        assertEquals(1, first.exitCode(), first::describe);
        assertEquals(cut, Await.lengthOf(dir.resolve("replaced.bin.part")), first::describe);

        HaulProcess.Result again = haul("--retries", "0", "-u", USER, "-d", dir.toString(), url).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(v2), Sha256.of(dir.resolve("replaced.bin")));
        assertEquals(Set.of("replaced.bin"), DirListing.names(dir));
        assertWholeThenResumed(server.requests(), cut, "\"one\"");
    }

    /** For the server: waits for the test's go-ahead (or a minute, then the response goes on anyway). */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
