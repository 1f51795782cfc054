package dev.haul.it.display;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a few files slowly on 127.0.0.1 (4 KiB every 50 ms, about 80 KiB/s each), so the
 * transfers are still running while a test types keys at the display.
 */
final class DripServer implements AutoCloseable {
    static final int CHUNK = 4096;
    static final long CHUNK_EVERY_MILLIS = 50;

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "drip");
        t.setDaemon(true);
        return t;
    });

    DripServer(int size, String... names) throws IOException {
        Random random = new Random(42);
        for (String name : names) {
            byte[] body = new byte[size];
            random.nextBytes(body);
            files.put(name, body);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.setExecutor(threads); // one thread per request: each drips on its own
        server.start();
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    String sha256(String name) {
        return sha256(files.get(name));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = files.get(exchange.getRequestURI().getPath().substring(1));
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            for (int at = 0; at < body.length; at += CHUNK) {
                out.write(body, at, Math.min(CHUNK, body.length - at));
                out.flush();
                Thread.sleep(CHUNK_EVERY_MILLIS); // the pace of the drip, not a synchronisation
            }
        } catch (IOException e) {
            // The client hung up (a cancelled transfer): nothing more to send.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
