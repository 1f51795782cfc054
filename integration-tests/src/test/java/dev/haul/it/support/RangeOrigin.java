package dev.haul.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link RawHttpServer} handler that serves one file the way a good static server does:
 * Content-Length, an ETag, Range and If-Range honoured with 206, HEAD answered. The very first
 * response can be staged to go wrong: cut short and closed, or stalled mid-body until released.
 */
public final class RangeOrigin implements RawHttpServer.Handler {
    /** What happens to the first response this origin sends. */
    public enum First { WHOLE, CUT, STALL }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private volatile byte[] body;
    private volatile String etag;
    private final int cutAt;
    private final AtomicBoolean firstPending = new AtomicBoolean(true);
    private final First first;
    private final CountDownLatch release = new CountDownLatch(1);

    public RangeOrigin(byte[] body, String etag, First first, int cutAt) {
        this.body = body;
        this.etag = etag;
        this.first = first;
        this.cutAt = cutAt;
    }

    /** The file changes on the server: a new body under a new ETag. */
    public void replace(byte[] newBody, String newEtag) {
        this.body = newBody;
        this.etag = newEtag;
    }

    /** Lets a stalled response end (it closes without sending the rest). */
    public void release() {
        release.countDown();
    }

    @Override
    public void respond(RawHttpServer.Request request, OutputStream out) throws IOException {
        byte[] b = body;
        String tag = etag;
        boolean head = request.method().equals("HEAD");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", tag);
        headers.put("Accept-Ranges", "bytes");
        String ifRange = request.header("If-Range");
        Matcher range = RANGE.matcher(String.valueOf(request.header("Range")));
        int from = 0;
        int to = b.length;
        String status = "200 OK";
        if (range.matches() && (ifRange == null || ifRange.equals(tag)) && Integer.parseInt(range.group(1)) < b.length) {
            from = Integer.parseInt(range.group(1));
            to = range.group(2).isEmpty() ? b.length : Math.min(b.length, Integer.parseInt(range.group(2)) + 1);
            status = "206 Partial Content";
            headers.put("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + b.length);
        }
        headers.put("Content-Length", String.valueOf(to - from));
        if (head) {
            RawHttpServer.writeResponse(out, status, headers, b, 0, 0);
            return;
        }
        First mode = firstPending.getAndSet(false) ? first : First.WHOLE;
        switch (mode) {
            case WHOLE -> RawHttpServer.writeResponse(out, status, headers, b, from, to);
            case CUT -> RawHttpServer.writeResponse(out, status, headers, b, from, Math.min(to, from + cutAt));
            case STALL -> {
                RawHttpServer.writeResponse(out, status, headers, b, from, Math.min(to, from + cutAt));
                awaitRelease(Duration.ofSeconds(60));
            }
        }
    }

    private void awaitRelease(Duration max) {
        try {
            release.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
