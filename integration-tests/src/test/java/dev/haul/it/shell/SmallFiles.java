package dev.haul.it.shell;

import dev.haul.it.support.RawHttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback origin for these tests: every path answers with a small body naming it; a path
 * starting with {@code /hang} sends its headers and a first few bytes, then holds the rest until
 * {@link #release()}, so a transfer stays running as long as a test needs.
 */
final class SmallFiles implements RawHttpServer.Handler, AutoCloseable {
    private final CountDownLatch released = new CountDownLatch(1);
    private final RawHttpServer server = RawHttpServer.startConcurrent(this);

    static byte[] body(String path) {
        return ("the body of " + path + "\n").getBytes(StandardCharsets.UTF_8);
    }

    String url(String path) {
        return server.url(path);
    }

    RawHttpServer server() {
        return server;
    }

    void release() {
        released.countDown();
    }

    @Override
    public void respond(RawHttpServer.Request request, OutputStream out) throws IOException {
        byte[] body = body(request.target());
        if (!request.target().startsWith("/hang")) {
            RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", Integer.toString(body.length)), body, 0, body.length);
            return;
        }
        byte[] big = new byte[100_000];
        RawHttpServer.writeResponse(out, "200 OK", Map.of("Content-Length", Integer.toString(big.length)), big, 0, 1000);
        try {
            released.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.close();
    }
}
