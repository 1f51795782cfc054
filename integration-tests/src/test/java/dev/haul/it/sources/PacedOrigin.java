package dev.haul.it.sources;

import dev.haul.it.support.RawHttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file served with ranges, at a pace the test chooses, counting every body byte it managed to
 * write: what "the server sent" means when a test asks whether a byte was fetched twice. Faults a
 * mirror can have: another length, no ranges, a connection dropped mid-range (once).
 */
final class PacedOrigin implements RawHttpServer.Handler {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final byte[] body;
    private final String etag;
    private final AtomicLong sent = new AtomicLong();
    private volatile long announcedLength = -1;
    private volatile boolean ranges = true;
    /** Per request: {chunk bytes, milliseconds between chunks} (0 ms: as fast as the socket takes them). */
    private volatile java.util.function.Function<RawHttpServer.Request, long[]> pace = r -> new long[] {64 * 1024, 0};
    private volatile Predicate<RawHttpServer.Request> dropMidRange = r -> false;
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** A cap on all connections together, bytes per second (0: none): adding connections does not help. */
    private volatile long sharedRate;
    private final Object bucket = new Object();
    private long bucketNextNanos;

    PacedOrigin(byte[] body, String etag) {
        this.body = body;
        this.etag = etag;
    }

    PacedOrigin pace(java.util.function.Function<RawHttpServer.Request, long[]> chunkAndMillis) {
        this.pace = chunkAndMillis;
        return this;
    }

    /** Claims another total length than its body's (a mirror of another version). */
    PacedOrigin claimingLength(long length) {
        this.announcedLength = length;
        return this;
    }

    PacedOrigin withoutRanges() {
        this.ranges = false;
        return this;
    }

    /** The first ranged request that matches is cut in its middle (the connection closes). */
    PacedOrigin droppingOnce(Predicate<RawHttpServer.Request> which) {
        this.dropMidRange = which;
        return this;
    }

    PacedOrigin sharedRate(long bytesPerSecond) {
        this.sharedRate = bytesPerSecond;
        return this;
    }

    long sent() {
        return sent.get();
    }

    boolean dropped() {
        return dropped.get();
    }

    static long[] range(RawHttpServer.Request r) {
        Matcher m = RANGE.matcher(String.valueOf(r.header("Range")));
        if (!m.matches()) return null;
        return new long[] {Long.parseLong(m.group(1)), m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2))};
    }

    @Override
    public void respond(RawHttpServer.Request request, OutputStream out) throws IOException {
        long total = announcedLength >= 0 ? announcedLength : body.length;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        if (ranges) headers.put("Accept-Ranges", "bytes");
        long[] asked = ranges ? range(request) : null;
        String ifRange = request.header("If-Range");
        int from = 0;
        int to = body.length;
        String status = "200 OK";
        if (asked != null && (ifRange == null || ifRange.equals(etag)) && asked[0] < body.length) {
            from = (int) asked[0];
            to = asked[1] < 0 ? body.length : (int) Math.min(body.length, asked[1] + 1);
            status = "206 Partial Content";
            headers.put("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + total);
        }
        headers.put("Content-Length", String.valueOf(asked == null && announcedLength >= 0 ? announcedLength : to - from));
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (request.method().equals("HEAD")) return;
        int end = to;
        if (asked != null && dropMidRange.test(request) && dropped.compareAndSet(false, true)) end = from + (to - from) / 2;
        long[] howFast = pace.apply(request);
        long every = howFast[1];
        for (int at = from; at < end; ) {
            int n = (int) Math.min(howFast[0], end - at);
            takeShared(n);
            out.write(body, at, n);
            out.flush();
            sent.addAndGet(n);
            at += n;
            if (every > 0 && at < end) sleep(every);
        }
    }

    private void takeShared(int n) {
        long rate = sharedRate;
        if (rate <= 0) return;
        long wait;
        synchronized (bucket) {
            long now = System.nanoTime();
            long start = Math.max(now, bucketNextNanos);
            bucketNextNanos = start + n * 1_000_000_000L / rate;
            wait = start - now;
        }
        if (wait > 0) sleep(wait / 1_000_000);
    }

    /** The server's own pacing (not test synchronisation). */
    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
