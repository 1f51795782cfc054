package dev.haul.it.faults;

import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertOneLine;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A response whose header is a megabyte long, as one huge field or as thousands of small ones:
 * a clear error, soon, with no file and no OutOfMemoryError. The server then keeps the
 * connection open, so a client that waited for the body would hang until the deadline.
 */
class HugeHeaderIT {
    private static final int HEADER_BYTES = 1 << 20;

    @TempDir
    Path dir;

    private RawHttpServer server;
    private final CountDownLatch done = new CountDownLatch(1);

    @AfterEach
    void stopServer() {
        done.countDown();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one field", "many fields"})
    void megabyteResponseHeaderFailsClearlyAndSoon(String shape) {
        server = RawHttpServer.start((request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n");
            if (shape.equals("one field")) {
                write(out, "X-Padding: " + "a".repeat(HEADER_BYTES) + "\r\n");
            } else {
                StringBuilder fields = new StringBuilder();
                for (int i = 0; fields.length() < HEADER_BYTES; i++) {
                    fields.append("X-Field-").append(i).append(": ").append("b".repeat(40)).append("\r\n");
                }
                write(out, fields.toString());
            }
            write(out, "\r\n0123456789");
            awaitQuietly(done); // the connection stays open: only the client can end this exchange
        });
        String url = server.url("/huge-header.bin");

        HaulProcess.Result run;
        try (HaulProcess haul = haul("--retries", "0", "-u", USER, "-d", dir.toString(), url).start()) {
            run = haul.awaitExit(Duration.ofSeconds(20));
        }

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(Set.of(), DirListing.names(dir));
        assertOneLine(run, l -> l.contains(url), "header");
        assertFalse(run.stderr().contains("OutOfMemoryError"), run::describe);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
        assertAuthorizationOnEvery(server.requests());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
