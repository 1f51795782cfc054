package dev.haul.it.records;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A loopback origin whose files have an ETag and a Last-Modified (or not), that answers
 * conditional requests with 304 (or ignores them), and that records every request it gets.
 */
final class ValidatorOrigin implements AutoCloseable {
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** One served file. A null etag or lastModified is not sent. */
    record Resource(byte[] body, String etag, Instant lastModified, boolean honoursConditions) {}

    /** What the server was asked. */
    record Request(String path, String ifNoneMatch, String ifModifiedSince, String range) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, Resource> files = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile long delayMillis;

    ValidatorOrigin() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    void put(String path, Resource r) {
        files.put(path, r);
    }

    void remove(String path) {
        files.remove(path);
    }

    /** Each response waits this long before its head (so a kill lands while transfers run). */
    void delay(long millis) {
        delayMillis = millis;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            synchronized (this) {
                requests.add(new Request(path, inm, ims, ex.getRequestHeaders().getFirst("Range")));
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis); // the server's pace, not the test's synchronisation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Resource r = files.get(path);
            if (r == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (r.etag() != null) ex.getResponseHeaders().set("ETag", r.etag());
            if (r.lastModified() != null) ex.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(r.lastModified()));
            if (r.honoursConditions() && notModified(r, inm, ims)) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    /** RFC 9110 13.1.3: If-None-Match decides when sent; else If-Modified-Since against Last-Modified. */
    private static boolean notModified(Resource r, String inm, String ims) {
        if (inm != null) return r.etag() != null && inm.equals(r.etag());
        if (ims == null || r.lastModified() == null) return false;
        try {
            Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ims));
            return r.lastModified().getEpochSecond() <= since.getEpochSecond();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
