package dev.haul.it.scale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * More transfers at once than a socket and an open .part each would allow: under
 * {@code ulimit -n 400}, 200 transfers run together (200 sockets + 200 files + the JVM's own would
 * not fit) while only 68 .part files may hold a descriptor, so files close for room and open
 * again between their writes. The server holds every response until all 200 requests are in,
 * then sends the bodies piece by piece. Every file must be whole and right.
 */
class FewDescriptorsIT {
    private static final int FILES = 200;
    private static final int SIZE = 48 * 1024;

    @TempDir
    Path dir;

    @Test
    void slowBodiesInterleavedBeyondTheOpenFileBudgetAllArriveWhole() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < FILES; i++) bodies.add(Bodies.of(100 + i, SIZE));
        AtomicInteger requests = new AtomicInteger();
        java.util.concurrent.CountDownLatch allIn = new java.util.concurrent.CountDownLatch(FILES);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/f", ex -> serve(ex, bodies, requests, allIn));
        server.start();
        try {
            StringBuilder urls = new StringBuilder();
            for (int i = 0; i < FILES; i++) {
                urls.append("http://127.0.0.1:").append(server.getAddress().getPort()).append("/f/").append(i).append(".bin\n");
            }
            HaulProcess.Result run = HaulProcess.haul("-q", "-j", String.valueOf(FILES), "-d", dir.toString(), "-i", "-")
                    .openFileLimit(400).stdin(urls.toString()).run();

            assertEquals(0, allIn.getCount(), "not all " + FILES + " requests were in flight at once");
            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(FILES, run.stdoutLines().size(), run::describe);
            for (int i = 0; i < FILES; i++) {
                assertEquals(Sha256.of(bodies.get(i)), Sha256.of(Files.readAllBytes(dir.resolve(i + ".bin"))), i + ".bin");
            }
            assertEquals(FILES, requests.get(), "one request per file: no write failed and was retried");
        } finally {
            server.stop(0);
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits (at most 20 s) until every request has arrived, then sends the body in 4 KiB pieces a few
     * milliseconds apart (a slow server: the pauses interleave the files' writes).
     */
    private static void serve(HttpExchange ex, List<byte[]> bodies, AtomicInteger requests,
                              java.util.concurrent.CountDownLatch allIn) throws IOException {
        requests.incrementAndGet();
        allIn.countDown();
        try {
            allIn.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String name = ex.getRequestURI().getPath().substring("/f/".length());
        byte[] body = bodies.get(Integer.parseInt(name.substring(0, name.indexOf('.'))));
        ex.getResponseHeaders().add("ETag", "\"" + name + "\"");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            for (int at = 0; at < body.length; at += 4096) {
                out.write(body, at, Math.min(4096, body.length - at));
                out.flush();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }
}
