package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.Secrets;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import dev.haul.core.Urls;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.storage.NameReservations.Decision;
import dev.haul.core.storage.PartFile;
import dev.haul.core.storage.StreamSink;
import dev.haul.core.storage.TargetNames;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.ResponseHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * One requested download, from queue to outcome. A state machine that lives on the loop: every
 * method runs there, and every change of state goes through {@link #moveTo}.
 */
final class Transfer implements ExchangeListener {
    private static final Logger log = LoggerFactory.getLogger(Transfer.class);
    /** A redirect's own body is drained to keep the connection; past this size it is not worth it. */
    private static final long MAX_REDIRECT_BODY = 64 * 1024;

    /** Internal states. The public {@link TransferState} is derived from these. */
    enum State {
        /** Waiting for admission. */
        QUEUED,
        /** Connecting, or waiting for the response head. */
        CONNECTING,
        /** Draining a redirect response's body before following it. */
        REDIRECTING,
        /** Saving the body. */
        RECEIVING,
        /** Body done; waiting for a stream sink to flush. */
        FLUSHING,
        DONE,
        FAILED,
        CANCELLED;

        boolean isFinal() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    private final long id;
    private final DownloadRequest request;
    private final TransferHost host;
    /** Credentials given by the user belong to the origin of the URL they typed. */
    private final Origin credentialOrigin;
    private final Set<URI> visited = new HashSet<>();
    private final MessageDigest digest;

    private State state = State.QUEUED;
    private URI url;
    private Origin origin;
    private int redirects;
    private URI redirectTarget;
    private long redirectBodyBytes;
    private Exchange exchange;
    private PartFile part;
    private StreamSink sink;
    private String name;
    private boolean replace;
    /** True while this transfer holds {@code name} in the run's reservations. */
    private boolean holdsName;
    private long bytes;
    private long total = -1;
    private final SpeedMeter speed = new SpeedMeter();
    private long lastProgressBytes = -1;

    Transfer(long id, DownloadRequest request, TransferHost host) {
        this.id = id;
        this.request = request;
        this.host = host;
        this.url = request.url();
        this.origin = Origin.of(url);
        this.credentialOrigin = origin;
        this.digest = request.sha256() == null ? null : sha256();
    }

    long id() {
        return id;
    }

    Origin origin() {
        return origin;
    }

    State state() {
        return state;
    }

    // ---- life cycle -------------------------------------------------------------------------

    /** Admission gave this transfer a slot: send the request. */
    void start() {
        moveTo(State.CONNECTING);
        visited.add(url);
        sendRequest();
    }

    private void sendRequest() {
        RequestSpec spec = new RequestSpec(url, RequestHeaders.forOrigin(host.config(), credentialOrigin, origin));
        try {
            exchange = host.transport().exchange(spec, this);
        } catch (RuntimeException e) {
            // e.g. a TLS context that cannot be built from --cacert: fail this transfer, not the loop
            fail(FailureReason.TLS, e.getMessage(), 0);
        }
    }

    /** Cancels, keeping any .part. Idempotent; a no-op once final. */
    void cancel() {
        if (state.isFinal()) return;
        if (exchange != null) exchange.abort();
        closePart();
        if (sink != null) sink.abandon();
        finish(State.CANCELLED, new Outcome.Cancelled());
    }

    // ---- the exchange's callbacks (on the loop) ----------------------------------------------

    @Override
    public void onResponse(ResponseHead head) {
        int status = head.status();
        if (isRedirect(status) && head.header("Location") != null) {
            beginRedirect(head.header("Location"));
            return;
        }
        if (status < 200 || status > 299 || status == 206) {
            exchange.abort();
            String why = "HTTP " + status + (head.reason() == null || head.reason().isEmpty() ? "" : " " + head.reason());
            fail(FailureReason.forStatus(status), why, status);
            return;
        }
        total = head.contentLength();
        if (request.stream() != null) {
            sink = new StreamSink(request.stream(), () -> host.post(this::sinkDrained));
            name = "-";
        } else if (!openPartFile(head)) {
            return;
        }
        moveTo(State.RECEIVING);
        host.emit(new TransferEvent.Started(snapshot()));
    }

    @Override
    public void onBody(ByteBuffer chunk) {
        if (state == State.REDIRECTING) {
            redirectBodyBytes += chunk.remaining();
            if (redirectBodyBytes > MAX_REDIRECT_BODY) {
                exchange.abort();
                followRedirect();
            }
            return;
        }
        if (state != State.RECEIVING) return;
        int n = chunk.remaining();
        if (digest != null) digest.update(chunk.duplicate());
        if (sink != null) {
            if (sink.write(chunk)) exchange.pauseReading();
        } else {
            try {
                part.write(chunk, bytes);
            } catch (IOException e) {
                exchange.abort();
                fail(FailureReason.STORAGE, "cannot write " + part.path().getFileName() + ": " + ioMessage(e), 0);
                return;
            }
        }
        bytes += n;
        speed.add(n);
    }

    @Override
    public void onComplete() {
        if (state == State.REDIRECTING) {
            followRedirect();
            return;
        }
        if (state != State.RECEIVING) return;
        if (total >= 0 && bytes != total) {
            fail(FailureReason.TRUNCATED, "body ended after " + bytes + " of " + total + " bytes", 0);
            return;
        }
        if (digest != null) {
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(request.sha256())) {
                discardPart();
                fail(FailureReason.CHECKSUM_MISMATCH, "sha256 mismatch: expected " + request.sha256() + ", got " + actual, 0);
                return;
            }
        }
        if (sink != null) {
            moveTo(State.FLUSHING);
            sink.finish().whenComplete((ok, err) -> host.post(() -> sinkFlushed(err)));
            return;
        }
        promote();
    }

    @Override
    public void onError(FailureReason reason, String message) {
        if (state.isFinal()) return;
        closePart();
        if (sink != null) sink.abandon();
        fail(reason, message, 0);
    }

    // ---- redirects -------------------------------------------------------------------------

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private void beginRedirect(String location) {
        URI next;
        try {
            // Resolved as a URI against the current URL, never glued together as strings.
            next = Urls.parse(url.resolve(Urls.parseReference(location)).toString());
        } catch (IllegalArgumentException e) {
            exchange.abort();
            fail(FailureReason.PROTOCOL, "bad redirect target: " + e.getMessage(), 0);
            return;
        }
        if (redirects >= host.config().maxRedirects()) {
            exchange.abort();
            fail(FailureReason.TOO_MANY_REDIRECTS, "more than " + host.config().maxRedirects() + " redirects", 0);
            return;
        }
        if (visited.contains(next)) {
            exchange.abort();
            fail(FailureReason.REDIRECT_LOOP, "redirect loop at " + Secrets.maskUrl(next), 0);
            return;
        }
        redirectTarget = next;
        redirectBodyBytes = 0;
        moveTo(State.REDIRECTING);
    }

    private void followRedirect() {
        URI next = redirectTarget;
        redirectTarget = null;
        redirects++;
        visited.add(next);
        Origin from = origin;
        url = next;
        origin = Origin.of(next);
        log.debug("transfer {} redirected to {}", id, Secrets.maskUrl(next));
        moveTo(State.CONNECTING);
        if (!from.equals(origin) && !host.redirected(this, from, origin)) {
            moveTo(State.QUEUED); // the new origin is at its --per-host cap: wait at the head of its queue
            return;
        }
        sendRequest();
    }

    /** Admission let a transfer that was re-queued by a redirect go on. */
    void resumeAfterRequeue() {
        moveTo(State.CONNECTING);
        sendRequest();
    }

    boolean wasRedirected() {
        return redirects > 0;
    }

    // ---- files -----------------------------------------------------------------------------

    private boolean openPartFile(ResponseHead head) {
        String preferred = TargetNames.choose(request.outName(), head.header("Content-Disposition"), request.url());
        NameReservations names = host.names();
        Decision decision = names.reserve(preferred);
        if (decision instanceof Decision.Skip skip) {
            exchange.abort();
            name = skip.name();
            Path existing = names.dir().resolve(name);
            long size = sizeOf(existing);
            finish(State.DONE, new Outcome.Completed(existing, size, true));
            return false;
        }
        if (decision instanceof Decision.Refuse refuse) {
            exchange.abort();
            name = refuse.name();
            fail(FailureReason.FILE_EXISTS, name + " already exists (--on-exists fail)", 0);
            return false;
        }
        Decision.Use use = (Decision.Use) decision;
        name = use.name();
        holdsName = true;
        replace = use.replace();
        Path partPath = PartFile.partPathFor(names.dir().resolve(name));
        try {
            part = PartFile.startFresh(partPath);
        } catch (IOException e) {
            exchange.abort();
            fail(FailureReason.STORAGE, "cannot create " + partPath.getFileName() + ": " + ioMessage(e), 0);
            return false;
        }
        return true;
    }

    private void promote() {
        NameReservations names = host.names();
        String preferred = name;
        while (true) {
            Path target = names.dir().resolve(name);
            try {
                part.promote(target, replace);
                finish(State.DONE, new Outcome.Completed(target, bytes, false));
                return;
            } catch (FileAlreadyExistsException e) {
                // Someone else created the name while we downloaded.
                switch (host.config().onExists()) {
                    case RENAME -> name = names.renameAfterConflict(preferred, name);
                    case SKIP -> {
                        discardPart();
                        finish(State.DONE, new Outcome.Completed(target, sizeOf(target), true));
                        return;
                    }
                    default -> {
                        fail(FailureReason.FILE_EXISTS, name + " already exists", 0);
                        return;
                    }
                }
            } catch (IOException e) {
                fail(FailureReason.STORAGE, "cannot rename " + part.path().getFileName() + " to " + name + ": " + ioMessage(e), 0);
                return;
            }
        }
    }

    private void sinkFlushed(Throwable err) {
        if (state != State.FLUSHING) return;
        if (err != null) {
            fail(FailureReason.STORAGE, "cannot write to standard output: " + ioMessage(err), 0);
        } else {
            finish(State.DONE, new Outcome.Completed(Path.of("-"), bytes, false));
        }
    }

    private void sinkDrained() {
        if (state == State.RECEIVING && exchange != null) exchange.resumeReading();
    }

    private void closePart() {
        if (part == null) return;
        try {
            part.close();
        } catch (IOException e) {
            log.debug("closing {}: {}", part.path(), e.toString());
        }
    }

    private void discardPart() {
        closePart();
        if (part == null) return;
        try {
            Files.deleteIfExists(part.path());
        } catch (IOException e) {
            log.debug("deleting {}: {}", part.path(), e.toString());
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    // ---- state -----------------------------------------------------------------------------

    private void fail(FailureReason reason, String message, int httpStatus) {
        closePart();
        finish(State.FAILED, new Outcome.Failed(reason, message, httpStatus));
    }

    private void finish(State last, Outcome outcome) {
        if (state.isFinal()) return;
        moveTo(last);
        if (holdsName) host.names().release(name);
        host.ended(this, outcome);
    }

    /** The one place the state changes. */
    private void moveTo(State next) {
        if (state.isFinal()) throw new IllegalStateException("transfer " + id + " is already " + state);
        if (log.isTraceEnabled()) log.trace("transfer {}: {} -> {}", id, state, next);
        state = next;
    }

    TransferState publicState() {
        return switch (state) {
            case QUEUED -> TransferState.QUEUED;
            case CONNECTING, REDIRECTING -> TransferState.CONNECTING;
            case RECEIVING, FLUSHING -> TransferState.DOWNLOADING;
            case DONE -> TransferState.DONE;
            case FAILED -> TransferState.FAILED;
            case CANCELLED -> TransferState.CANCELLED;
        };
    }

    TransferSnapshot snapshot() {
        Path path = name == null || request.stream() != null ? null : host.names().dir().resolve(name);
        return new TransferSnapshot(id, Secrets.maskUrl(request.url()), name, path, publicState(), bytes, total,
                speed.bytesPerSecond(), 1);
    }

    SpeedMeter speed() {
        return speed;
    }

    /** True when bytes arrived since the last progress event (and records that one is sent now). */
    boolean takeProgress() {
        if (state != State.RECEIVING || bytes == lastProgressBytes) return false;
        lastProgressBytes = bytes;
        return true;
    }

    private static String ioMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        if (t instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (t instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (m != null && m.contains("No space left")) return "no space left on device";
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
