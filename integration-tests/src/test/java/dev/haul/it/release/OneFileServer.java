package dev.haul.it.release;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/** The JDK's HTTP server on 127.0.0.1, serving one body at one path; remembers the last request's target and Proxy-Authorization. */
final class OneFileServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<String> lastTarget = new AtomicReference<>();
    private final AtomicReference<String> lastProxyAuthorization = new AtomicReference<>();

    OneFileServer(String path, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            lastTarget.set(exchange.getRequestURI().toString());
            lastProxyAuthorization.set(exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The request target of the last request: absolute-form when it came through as a proxy request. */
    String lastTarget() {
        return lastTarget.get();
    }

    /** The Proxy-Authorization header of the last request, or null. */
    String lastProxyAuthorization() {
        return lastProxyAuthorization.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
