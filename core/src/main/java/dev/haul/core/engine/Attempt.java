package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.Header;
import dev.haul.core.resume.RangeDecision;
import dev.haul.core.resume.RangeRequest;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.resume.ResumeRules;
import dev.haul.core.storage.NameReservations.Decision;
import dev.haul.core.storage.StreamSink;
import dev.haul.core.storage.TargetNames;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.ResponseHead;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.haul.core.engine.Lifecycle.State.PAUSED;
import static dev.haul.core.engine.Lifecycle.State.RECEIVING;
import static dev.haul.core.engine.Lifecycle.State.REDIRECTING;

/**
 * One request of a transfer and what its response means: a redirect to follow, a range to
 * continue (the resume rules), a body to save, or a reason the attempt failed. What follows is
 * the transfer's to decide. Once the transfer moved on, nothing from this exchange reaches it.
 * Loop-confined: the transport calls it on the loop.
 */
final class Attempt implements ExchangeListener {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Attempt.class);
    /** A redirect's own body is drained to keep the connection; past this size it is not worth it. */
    private static final long MAX_REDIRECT_BODY = 64 * 1024;

    private final Transfer t;
    private final Output out;
    /** The exchange while it runs; null once it ended or was let go (another range may still be filled). */
    private Exchange exchange;
    private boolean over;
    private URI redirectTarget;
    private long redirectBodyBytes;

    Attempt(Transfer transfer) {
        this.t = transfer;
        this.out = transfer.out;
    }

    /** Sends the request: for the rest of the saved bytes (Range with If-Range) when they can be continued. */
    void send() {
        List<Header> headers = new ArrayList<>(t.requestHeaders());
        RangeRequest rangeAsked = t.saved.asked();
        if (rangeAsked != null) {
            log.debug("transfer {} asks to resume at byte {}", t.id(), rangeAsked.offset());
            headers.add(new Header("Range", rangeAsked.rangeHeader()));
            headers.add(new Header("If-Range", rangeAsked.ifRange()));
        } else {
            headers.addAll(t.savedFile.conditions()); // -N: only a newer version is sent
        }
        Exchange e = t.host.exchange(new RequestSpec(t.url, headers), this);
        if (over) e.abort(); // it failed (and the transfer moved on) before the call returned
        else exchange = e;
    }

    /** Ends the exchange; nothing more is reported. Idempotent. */
    void abort() {
        over = true;
        if (exchange != null) exchange.abort();
        exchange = null;
    }

    /** Still reading from the network. */
    boolean open() {
        return exchange != null;
    }

    void setReading(boolean on) {
        if (exchange == null) return;
        if (on) exchange.resumeReading();
        else exchange.pauseReading();
    }

    // ---- the exchange's callbacks: each one guarded, so that a bug fails this transfer ---------

    @Override
    public void onResponse(ResponseHead head) {
        if (!over) t.guard(() -> respond(head));
    }

    @Override
    public void onBody(ByteBuffer chunk) {
        if (!over) t.guard(() -> body(chunk));
    }

    @Override
    public void onComplete() {
        if (over) return;
        exchange = null;
        t.guard(this::ended);
    }

    @Override
    public void onError(FailureReason reason, String message) {
        if (over) return;
        exchange = null;
        t.guard(() -> failed(reason, message));
    }

    // ---- the response ------------------------------------------------------------------------

    private void respond(ResponseHead head) {
        int status = head.status();
        if (Redirects.isRedirect(status) && head.header("Location") != null) {
            redirect(head.header("Location"));
        } else if (t.saved.asked() == null && unchanged(head)) {
            return; // -N: the file on disk is current, and stays untouched
        } else if (t.saved.asked() != null && (status == 200 || status == 206 || status == 416)) {
            rangeResponse(head);
        } else if (status == 206) {
            t.fail(FailureReason.PROTOCOL, "206 Partial Content to a request without a Range", status);
        } else if (status < 200 || status > 299) {
            String why = "HTTP " + status + (head.reason() == null || head.reason().isEmpty() ? "" : " " + head.reason());
            t.attemptFailed(FailureReason.forStatus(status), why, status,
                    RetryPolicy.parseRetryAfter(head.header("Retry-After"), Instant.now()));
        } else {
            startBody(head, 0);
        }
    }

    /** -N: the response says the file on disk is current: the transfer is done without a byte written. */
    private boolean unchanged(ResponseHead head) {
        dev.haul.core.Outcome.Completed same = t.savedFile.unchanged(head);
        if (same == null) return false;
        if (head.status() == 304) exchange = null; // no body: let it end by itself, its connection stays reusable
        t.kept(same);
        return true;
    }

    private void rangeResponse(ResponseHead head) {
        SavedBytes saved = t.saved;
        RangeDecision d = ResumeRules.decide(head.status(), head.header("Content-Range"), head.header("ETag"),
                head.header("Last-Modified"), saved.asked(), saved.record());
        if (d instanceof RangeDecision.Append a) {
            startBody(head, a.offset());
        } else if (d instanceof RangeDecision.Complete) {
            out.bytes = saved.record().total();
            out.total = saved.record().total();
            t.complete();
        } else if (d instanceof RangeDecision.Restart && head.status() == 200) {
            saved.forget(); // a whole new body: the saved bytes, ranges and validators are history
            startBody(head, 0);
        } else if (d instanceof RangeDecision.Restart) {
            saved.distrust(); // 416 for bytes we do not have: ask again for the whole file
            t.attemptFailed(FailureReason.PROTOCOL_RETRYABLE, "the saved bytes no longer fit the file", head.status(), Duration.ZERO);
        } else if (d instanceof RangeDecision.Mismatch m) {
            saved.distrust();
            t.attemptFailed(FailureReason.PROTOCOL_RETRYABLE, "bad range response: " + m.why(), head.status(), null);
        }
    }

    /** The response carries the body from {@code offset} on. */
    private void startBody(ResponseHead head, long offset) {
        long length = head.contentLength();
        if (t.request.stream() != null) {
            if (offset == 0 && out.bytes > 0) {
                t.fail(FailureReason.TRUNCATED, "the server restarted the file, and standard output cannot be rewound", 0);
                return;
            }
            if (out.sink == null) {
                // The sink's writer thread reports back through the loop: drained (read on), or broken.
                out.sink = new StreamSink(t.request.stream(), () -> t.guardedHost.post(() -> t.holds.release(ReadHolds.Reason.SINK)),
                        err -> t.guardedHost.post(() -> sinkBroken(err)));
            }
            if (offset == 0) out.sinkRecord = recordOf(head, length);
            out.total = offset == 0 ? length : out.sinkRecord.total();
        } else if (!openTarget(head, offset, length)) {
            return;
        }
        out.bytes = offset;
        // A stream continued exactly where it stopped keeps its digest: every byte went through it.
        boolean streamContinues = t.request.stream() != null && offset > 0;
        if (out.digest != null && !streamContinues) out.digest.restartAt(offset);
        if (out.sink == null) t.segments.maybeStart(head, offset);
        t.bodyStarted(head.protocol());
    }

    private void sinkBroken(Throwable err) {
        if (!t.state().isFinal()) t.fail(FailureReason.STORAGE, "cannot write to standard output: " + Reasons.io(err), 0);
    }

    private ResumeRecord recordOf(ResponseHead head, long length) {
        return new ResumeRecord(t.maskedUrl, head.header("ETag"), head.header("Last-Modified"), length);
    }

    private boolean openTarget(ResponseHead head, long offset, long length) {
        try {
            if (offset > 0 || t.saved.ranges() != null) {
                ResumeRecord record = t.saved.record();
                out.target.continueAt(offset, record);
                out.total = record.total() >= 0 ? record.total() : (length >= 0 ? offset + length : -1);
                return true;
            }
            if (out.target == null && !reserveName(head)) return false;
            out.total = length;
            out.target.startFresh(recordOf(head, length));
            return true;
        } catch (IOException e) {
            t.fail(FailureReason.STORAGE, "cannot write " + out.target.partInDir() + ": " + Reasons.io(e), 0);
            return false;
        }
    }

    private boolean reserveName(ResponseHead head) {
        String replaced = t.savedFile.nameToReplace();
        if (replaced != null) { // -N: the new version takes the old one's name, when complete
            out.target = new TargetFile(t.host.names(), replaced, replaced, true);
            return true;
        }
        String preferred = TargetNames.choose(t.request.outName(), head.header("Content-Disposition"), t.request.url());
        if (resumeUnderServerName(preferred)) return false;
        Decision decision = t.host.names().reserve(preferred);
        if (decision instanceof Decision.Skip skip) {
            Path existing = t.host.names().dir().resolve(skip.name());
            t.skipped(existing, skip.name(), sizeOf(existing));
            return false;
        }
        if (decision instanceof Decision.Refuse refuse) {
            t.refused(refuse.name(), refuse.message());
            return false;
        }
        Decision.Use use = (Decision.Use) decision;
        out.target = new TargetFile(t.host.names(), preferred, use.name(), use.replace());
        return true;
    }

    /**
     * The server names the file (Content-Disposition) and an earlier run left {@code NAME.part} for
     * this URL: instead of truncating it, ask again with a Range. Once per transfer.
     */
    private boolean resumeUnderServerName(String preferred) {
        TargetFile candidate = t.saved.underServerName(preferred,
                TargetNames.choose(t.request.outName(), null, t.request.url()), t.host.names());
        if (candidate == null) return false;
        out.target = candidate;
        t.beginAttempt(); // not a retry: the same attempt, now asking for the rest
        return true;
    }

    // ---- the body ----------------------------------------------------------------------------

    private void body(ByteBuffer chunk) {
        if (t.state() == REDIRECTING) {
            redirectBodyBytes += chunk.remaining();
            if (redirectBodyBytes > MAX_REDIRECT_BODY) {
                abort();
                follow(redirectTarget);
            }
            return;
        }
        if (t.state() != RECEIVING && t.state() != PAUSED) return;
        if (t.segments.active()) {
            if (!t.segments.mainBody(chunk) && exchange != null) {
                exchange.abort(); // its range is full: the rest belongs to other connections
                exchange = null;
            }
            return;
        }
        int n = chunk.remaining();
        if (out.total >= 0 && out.bytes + n > out.total) {
            t.attemptFailed(FailureReason.PROTOCOL_RETRYABLE, "body longer than announced", 0, null);
            return;
        }
        try {
            if (out.write(chunk)) t.holds.hold(ReadHolds.Reason.SINK);
        } catch (IOException e) {
            t.fail(FailureReason.STORAGE, "cannot write " + out.target.partInDir() + ": " + Reasons.io(e), 0);
            return;
        }
        t.countSaved(n);
        // The body needs more than this read: from now on the .part is worth resuming.
        if (out.target != null && (out.total < 0 || out.bytes < out.total)) out.target.ensureSidecar();
    }

    private void ended() {
        if (t.state() == REDIRECTING) {
            follow(redirectTarget);
        } else if (t.state() != RECEIVING && t.state() != PAUSED) {
            return;
        } else if (t.segments.active()) {
            t.segments.mainLost(FailureReason.TRUNCATED, "body ended before its range was full");
        } else if (out.total >= 0 && out.bytes != out.total) {
            t.attemptFailed(FailureReason.TRUNCATED, "body ended after " + out.bytes + " of " + out.total + " bytes", 0, null);
        } else {
            t.complete();
        }
    }

    private void failed(FailureReason reason, String message) {
        if (t.segments.active() && (t.state() == RECEIVING || t.state() == PAUSED)) {
            t.segments.mainLost(reason, message); // one connection of several: that range is retried
        } else {
            t.attemptFailed(reason, message, 0, null);
        }
    }

    // ---- redirects ---------------------------------------------------------------------------

    private void redirect(String location) {
        try {
            redirectTarget = t.redirects.next(t.url, location);
        } catch (Redirects.TooMany e) {
            t.fail(FailureReason.TOO_MANY_REDIRECTS, e.getMessage(), 0);
            return;
        } catch (Redirects.Loop e) {
            t.fail(FailureReason.REDIRECT_LOOP, e.getMessage(), 0);
            return;
        } catch (IllegalArgumentException e) {
            t.fail(FailureReason.PROTOCOL, e.getMessage(), 0);
            return;
        }
        redirectBodyBytes = 0;
        t.moveTo(REDIRECTING);
    }

    private void follow(URI next) {
        t.redirects.follow(next);
        dev.haul.core.transport.Origin from = t.origin;
        t.url = next;
        t.origin = dev.haul.core.transport.Origin.of(next);
        log.debug("transfer {} redirected to {}", t.id(), dev.haul.core.Secrets.maskUrl(next));
        t.requestAt(from);
    }

    private static long sizeOf(Path p) {
        try {
            return java.nio.file.Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
