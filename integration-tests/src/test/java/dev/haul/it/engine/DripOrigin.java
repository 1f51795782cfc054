package dev.haul.it.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A slow origin on 127.0.0.1: sends a body in small pieces with pauses between them (a slow
 * server, not a synchronisation), honours {@code Range: bytes=N-}, and records what it was asked
 * and when a client went away.
 */
final class DripOrigin implements AutoCloseable {
    static final String ETAG = "\"drip-1\"";
    private final byte[] body;
    private final HttpServer server;
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final CountDownLatch clientWentAway = new CountDownLatch(1);

    DripOrigin(byte[] body) throws IOException {
        this.body = body;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/file.bin", this::serve);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/file.bin");
    }

    private void serve(HttpExchange ex) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        int from = 0;
        ex.getResponseHeaders().add("ETag", ETAG);
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (range != null && range.startsWith("bytes=") && range.endsWith("-") && ETAG.equals(ex.getRequestHeaders().getFirst("If-Range"))) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(206, body.length - from);
        } else {
            ex.sendResponseHeaders(200, body.length);
        }
        try (OutputStream out = ex.getResponseBody()) {
            for (int at = from; at < body.length; at += 8192) {
                out.write(body, at, Math.min(8192, body.length - at));
                out.flush();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // the slow server
            }
        } catch (IOException gone) {
            clientWentAway.countDown();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
