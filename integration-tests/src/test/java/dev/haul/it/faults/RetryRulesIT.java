package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertWholeFileAsked;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which answers are retried, how often and when, as the server sees it: Retry-After is waited
 * for in full; 4xx other than 408 and 429 are asked once; 503 is asked --retries + 1 times.
 */
class RetryRulesIT {
    private static final byte[] EMPTY = new byte[0];

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static void status(java.io.OutputStream out, String status, Map<String, String> headers) throws java.io.IOException {
        RawHttpServer.writeResponse(out, status, headers, EMPTY, 0, 0);
    }

    @Test
    void retryAfterSecondsIsWaitedForInFullMeasuredAtTheServer() {
        byte[] body = Bodies.of(1101, 40_000);
        AtomicInteger count = new AtomicInteger();
        AtomicLong refusedAt = new AtomicLong();
        server = RawHttpServer.start((request, out) -> {
            if (count.incrementAndGet() == 1) {
                status(out, "503 Service Unavailable", Map.of("Retry-After", "2", "Content-Length", "0"));
                refusedAt.set(System.nanoTime()); // the client cannot have read it any earlier
            } else {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(body.length)),
                        body, 0, body.length);
            }
        });

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/later.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("later.bin")));
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), requests::toString);
        requests.forEach(Faults::assertWholeFileAsked);
        assertAuthorizationOnEvery(requests);
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(server.arrivalNanos().get(1) - refusedAt.get());
        assertTrue(waitedMs >= 2_000, () -> "retried " + waitedMs + " ms after Retry-After: 2");
        assertTrue(waitedMs < 12_000, () -> "retried only after " + waitedMs + " ms");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 404, 410})
    void clientErrorsAreAskedOnce(int code) {
        server = RawHttpServer.start((request, out) -> status(out, code + " No", Map.of("Content-Length", "0",
                "Retry-After", "0")));

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/no.bin")).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(String.valueOf(code))), run::describe);
        assertEquals(Set.of(), DirListing.names(dir));
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
        assertWholeFileAsked(server.requests().get(0));
        assertAuthorizationOnEvery(server.requests());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 429})
    void requestTimeoutAndTooManyRequestsAreRetried(int code) {
        byte[] body = Bodies.of(1102 + code, 20_000);
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> {
            if (count.incrementAndGet() == 1) {
                status(out, code + " Later", Map.of("Content-Length", "0", "Retry-After", "0"));
            } else {
                RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", String.valueOf(body.length)),
                        body, 0, body.length);
            }
        });

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/again.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("again.bin")));
        assertEquals(2, server.requests().size(), () -> server.requests().toString());
        assertAuthorizationOnEvery(server.requests());
    }

    @Test
    void serviceUnavailableIsAskedRetriesPlusOneTimesThenFails() {
        server = RawHttpServer.start((request, out) -> status(out, "503 Service Unavailable",
                Map.of("Content-Length", "0", "Retry-After", "0")));
        String url = server.url("/down.bin");

        HaulProcess.Result run = haul("--retries", "3", "-u", USER, "-d", dir.toString(), url).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains("failed") && l.contains(url) && l.contains("503")),
                run::describe);
        assertEquals(Set.of(), DirListing.names(dir));
        assertEquals(4, server.requests().size(), () -> server.requests().toString());
        server.requests().forEach(Faults::assertWholeFileAsked);
        assertAuthorizationOnEvery(server.requests());
    }
}
