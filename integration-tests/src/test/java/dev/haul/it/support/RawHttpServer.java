package dev.haul.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for the faults WireMock cannot make, such as a body cut
 * short of its Content-Length. By default one thread serves one connection at a time; a
 * {@link #startConcurrent concurrent} server gives each connection its own thread. Every
 * connection is closed after one response. Each request is recorded, and the test's
 * {@link Handler} writes the raw response bytes. The server counts requests in flight.
 */
public final class RawHttpServer implements AutoCloseable {
    /** One received request: the request line's parts and the headers, names lowercased. */
    public record Request(String method, String target, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Writes the whole response, or as much of it as the fault being staged allows. */
    @FunctionalInterface
    public interface Handler {
        void respond(Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final List<Request> journal = new ArrayList<>();
    /** {@link System#nanoTime()} when each request of the journal had been read, same order. */
    private final List<Long> arrivals = new ArrayList<>();
    private final Thread acceptor;
    private final boolean concurrent;
    private int inFlight;
    private int maxInFlight;

    private RawHttpServer(Handler handler, boolean concurrent, SSLContext tls) throws IOException {
        this.handler = handler;
        this.concurrent = concurrent;
        this.socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        this.acceptor = new Thread(this::serve, "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static RawHttpServer start(Handler handler) {
        try {
            return new RawHttpServer(handler, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same server behind TLS with this context's key and certificate: {@link #url} then
     * gives an https URL. A client that refuses the certificate leaves no request in the journal.
     */
    public static RawHttpServer startTls(SSLContext tls, Handler handler) {
        try {
            return new RawHttpServer(handler, false, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each connection on its own thread, so a test can see how many requests a client makes at once. */
    public static RawHttpServer startConcurrent(Handler handler) {
        try {
            return new RawHttpServer(handler, true, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For a handler: returns once at least {@code n} requests are in flight, or after {@code max}.
     * Holding responses this way makes a client's concurrency visible without timing guesses.
     */
    public synchronized void holdUntilInFlight(int n, java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (inFlight < n) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until at least {@code n} requests have arrived; false if {@code max} passed first. */
    public synchronized boolean awaitRequests(int n, java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (journal.size() < n) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The most requests that were being answered at the same moment. */
    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    public String url(String path) {
        String scheme = socket instanceof javax.net.ssl.SSLServerSocket ? "https" : "http";
        return scheme + "://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(journal);
    }

    /** When each request arrived ({@link System#nanoTime()}), in the order of {@link #requests()}. */
    public synchronized List<Long> arrivalNanos() {
        return List.copyOf(arrivals);
    }

    /** Status line, headers, then bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code body}. */
    public static void writeResponse(OutputStream out, String status, Map<String, String> headers, byte[] body,
                                     int from, int to) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, from, to - from);
        out.flush();
    }

    private void serve() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                continue; // closing: the loop ends
            }
            if (concurrent) {
                Thread t = new Thread(() -> answer(connection), "raw-http-connection");
                t.setDaemon(true);
                t.start();
            } else {
                answer(connection);
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            Request request = readRequest(connection.getInputStream());
            if (request == null) {
                return;
            }
            synchronized (this) {
                journal.add(request);
                arrivals.add(System.nanoTime());
                maxInFlight = Math.max(maxInFlight, ++inFlight);
                notifyAll();
            }
            try {
                OutputStream out = connection.getOutputStream();
                handler.respond(request, out);
                out.flush();
                connection.shutdownOutput();
            } finally {
                synchronized (this) {
                    inFlight--;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "", headers);
    }

    /** A CRLF- or LF-terminated line of a request head; null at end of stream. */
    public static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
