package dev.haul.it.review;

import dev.haul.it.support.RawHttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loopback HTTP/1.1 server that keeps connections alive (RawHttpServer closes each one), so a
 * client's pooled connection can be observed: every request is recorded with the number of the
 * connection it came on. Each path has a body and a delay before the response's first byte.
 */
final class KeepAliveServer implements AutoCloseable {
    /** One answered request: its path, the connection it came on (from 1), and when its response was flushed. */
    record Served(String path, int connection, long answeredNanos) {}

    /** What a path answers: this body, after waiting this long. */
    record Route(byte[] body, Duration delay) {}

    private final ServerSocket socket;
    private final Map<String, Route> routes;
    private final List<Served> served = new ArrayList<>();
    private int connections;

    KeepAliveServer(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "keep-alive-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    synchronized List<Served> served() {
        return List.copyOf(served);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                int number;
                synchronized (this) {
                    number = ++connections;
                }
                Thread t = new Thread(() -> serve(c, number), "keep-alive-connection-" + number);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closing: the loop ends
            }
        }
    }

    private void serve(Socket c, int number) {
        try (c) {
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            for (String requestLine; (requestLine = RawHttpServer.readLine(in)) != null && !requestLine.isEmpty(); ) {
                for (String header; (header = RawHttpServer.readLine(in)) != null && !header.isEmpty(); ) {
                    // the headers do not matter here
                }
                String path = requestLine.split(" ")[1];
                Route route = routes.get(path);
                if (route == null) {
                    out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                if (!route.delay().isZero()) {
                    Thread.sleep(route.delay().toMillis()); // the server thinks before its first byte
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + route.body().length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(route.body());
                out.flush();
                synchronized (this) {
                    served.add(new Served(path, number, System.nanoTime()));
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
