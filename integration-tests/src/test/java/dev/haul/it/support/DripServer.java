package dev.haul.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A slow origin on 127.0.0.1: serves a few files in small pieces with a pause between them (the
 * pace of a slow server, not a synchronisation), one thread per request so each drips on its own.
 * Honours {@code Range: bytes=N-} with {@code If-Range} matching its ETag, and records the Range
 * of every request and when a client went away. Transfers stay running long enough for a test to
 * type keys, pause, cancel or start a second client.
 */
public final class DripServer implements AutoCloseable {
    public static final String ETAG = "\"drip-1\"";

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final int chunk;
    private final long pauseNanos;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "drip");
        t.setDaemon(true);
        return t;
    });
    /** The Range header of every request, in order ("" for none). */
    public final List<String> ranges = new CopyOnWriteArrayList<>();
    /** Counted down when a client hangs up before the end of a body. */
    public final CountDownLatch clientWentAway = new CountDownLatch(1);

    /** Files of {@code size} random bytes (fixed seed) under {@code names}, sent {@code chunk} bytes every {@code everyMillis}. */
    public DripServer(int size, int chunk, long everyMillis, String... names) throws IOException {
        this.chunk = chunk;
        this.pauseNanos = TimeUnit.MILLISECONDS.toNanos(everyMillis);
        Random random = new Random(42);
        for (String name : names) {
            byte[] body = new byte[size];
            random.nextBytes(body);
            files.put(name, body);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** One file served as {@code /file.bin}. */
    public static DripServer serving(byte[] body, int chunk, long everyMillis) throws IOException {
        DripServer server = new DripServer(0, chunk, everyMillis);
        server.files.put("file.bin", body.clone());
        return server;
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    public URI uri(String name) {
        return URI.create(url(name));
    }

    public String sha256(String name) {
        return Sha256.of(files.get(name));
    }

    public byte[] body(String name) {
        return files.get(name).clone();
    }

    private void serve(HttpExchange ex) throws IOException {
        byte[] body = files.get(ex.getRequestURI().getPath().substring(1));
        try (ex) {
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "" : range);
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.getResponseHeaders().set("ETag", ETAG);
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            int from = 0;
            if (range != null && range.startsWith("bytes=") && range.endsWith("-")
                    && ETAG.equals(ex.getRequestHeaders().getFirst("If-Range"))) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - from);
            } else {
                ex.sendResponseHeaders(200, body.length);
            }
            OutputStream out = ex.getResponseBody();
            for (int at = from; at < body.length; at += chunk) {
                out.write(body, at, Math.min(chunk, body.length - at));
                out.flush();
                LockSupport.parkNanos(pauseNanos); // the slow server's pace
            }
        } catch (IOException gone) {
            clientWentAway.countDown(); // the client hung up (a cancelled or paused transfer)
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
