package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.FailureReason;
import dev.haul.core.Header;
import dev.haul.core.OnExists;
import dev.haul.core.Outcome;
import dev.haul.core.Secrets;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import dev.haul.core.resume.RangeDecision;
import dev.haul.core.resume.RangeRequest;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.resume.ResumeRules;
import dev.haul.core.storage.NameReservations.Decision;
import dev.haul.core.storage.StreamSink;
import dev.haul.core.storage.TargetNames;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.ResponseHead;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One requested download, from queue to outcome: a state machine that lives on the loop. Every
 * method runs there, and every change of state goes through {@link #moveTo}. An attempt is one
 * HTTP exchange (redirects included); a failed attempt is retried when the failure is worth it,
 * continuing from the saved bytes when the server can prove they are still the right ones.
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
        /** Stopped by the user: the socket is not read (or, after the stall timeout, closed). */
        PAUSED,
        /** An attempt failed; the next one starts when the back-off timer fires. */
        RETRY_WAIT,
        /** The body is complete; a checksum or a stream flush is still being waited for. */
        FINISHING,
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
    private final String maskedUrl;
    private Redirects redirects;
    private final SpeedMeter speed = new SpeedMeter();
    private final BodyDigest digest;

    private State state = State.QUEUED;
    private int attempt;
    private URI url;
    private Origin origin;
    private Exchange exchange;
    private URI redirectTarget;
    private long redirectBodyBytes;
    /** Bytes saved before this attempt, and whether (and how) it asks to continue them. */
    private final SavedBytes saved;
    private TargetFile target;
    private StreamSink sink;
    private long bytes;
    private long total = -1;
    private long lastProgressBytes = -1;
    private boolean pauseWanted;
    /** Why the socket is not being read: any of these holds it ({@link #hold}, {@link #release}). */
    private int readHolds;
    private static final int HOLD_USER = 1;
    private static final int HOLD_SINK = 2;
    private static final int HOLD_RATE = 4;
    private ScheduledFuture<?> timer;
    private boolean startedOnce;
    /** With -o -: what the first response said, so a retry can continue the stream exactly. */
    private ResumeRecord sinkRecord;
    /** The name to show when the transfer ended before it had a target (skip, refuse). */
    private String shownName;
    /** With -x N: the body spread over several connections; null for one connection. */
    private SegmentedBody segmented;
    /** A server that answered ranges inconsistently gets one connection from then on. */
    private boolean segmentsDisabled;
    /** The saved-file records: rerun rule, -N, and the record of this file. */
    private final SavedFileCheck savedFile;
    /** The URL given first and its mirrors: attempts ask the first one still live. */
    private final Sources sources;

    Transfer(long id, DownloadRequest request, TransferHost host) {
        this.id = id;
        this.request = request;
        this.host = host;
        this.url = request.url();
        this.origin = Origin.of(url);
        this.credentialOrigin = origin;
        this.maskedUrl = Secrets.maskUrl(request.url());
        this.redirects = new Redirects(host.config().maxRedirects(), url);
        this.digest = request.sha256() == null ? null : new BodyDigest();
        this.saved = new SavedBytes(maskedUrl);
        this.savedFile = new SavedFileCheck(request, host);
        this.sources = new Sources(request.sources());
    }

    long id() {
        return id;
    }

    Origin origin() {
        return origin;
    }

    // ---- life cycle -------------------------------------------------------------------------

    /** Admission gave this transfer a slot: the first attempt, or the next step after a re-queue. */
    void admitted() {
        if (attempt == 0) {
            if (endWith(savedFile.beforeFirstRequest())) return; // saved by an earlier run: nothing to ask
            beginAttempt();
        } else {
            moveTo(State.CONNECTING);
            sendRequest();
        }
    }

    /** An attempt starts again from the URL as given: redirects are followed afresh each time. */
    private void beginAttempt() {
        attempt++;
        readHolds = 0;
        segmented = null;
        moveTo(State.CONNECTING);
        url = sources.primary().url;
        redirects = new Redirects(host.config().maxRedirects(), url);
        Origin from = origin;
        origin = Origin.of(url);
        planRange();
        if (!from.equals(origin) && !host.redirected(this, from, origin)) {
            moveTo(State.QUEUED); // the first origin is at its --per-host cap: wait at the head of its queue
            return;
        }
        sendRequest();
    }

    /** Decides whether this attempt continues saved bytes: a Range with If-Range, or a plain GET. */
    private void planRange() {
        if (sink != null || request.stream() != null) {
            saved.planStream(target == null ? bytes : 0, sinkRecord);
        } else {
            target = saved.planFile(target, TargetNames.choose(request.outName(), null, request.url()), host.names());
        }
    }

    private void sendRequest() {
        List<Header> headers = new ArrayList<>(headersFor(sources.primary(), origin));
        RangeRequest rangeAsked = saved.asked();
        if (rangeAsked != null) {
            log.debug("transfer {} asks to resume at byte {}", id, rangeAsked.offset());
            headers.add(new Header("Range", rangeAsked.rangeHeader()));
            headers.add(new Header("If-Range", rangeAsked.ifRange()));
        } else {
            headers.addAll(savedFile.conditions()); // -N: only a newer version is sent
        }
        try {
            exchange = host.transport().exchange(new RequestSpec(url, headers), this);
        } catch (RuntimeException e) {
            // e.g. a TLS context that cannot be built from --cacert: fail this transfer, not the loop
            fail(FailureReason.TLS, e.getMessage(), 0);
        }
    }

    /** Cancels, keeping any .part and its sidecar. Idempotent; a no-op once final. */
    void cancel() {
        if (state.isFinal()) return;
        stopTimer();
        if (exchange != null) exchange.abort();
        stopSegments();
        if (target != null) target.close();
        if (sink != null) sink.abandon();
        finish(State.CANCELLED, new Outcome.Cancelled());
    }

    /** Pauses a running transfer or resumes a paused one. */
    void togglePause() {
        switch (state) {
            case RECEIVING -> pauseNow();
            case CONNECTING, REDIRECTING -> pauseWanted = !pauseWanted;
            case RETRY_WAIT -> {
                stopTimer();
                moveTo(State.PAUSED);
            }
            case PAUSED -> unpause();
            default -> { }
        }
    }

    private void pauseNow() {
        pauseWanted = false;
        hold(HOLD_USER);
        moveTo(State.PAUSED);
        // A server will not keep a silent connection forever: after the stall timeout, let it go
        // and come back later with a Range request.
        long ms = host.config().stallTimeout().toMillis();
        timer = host.schedule(() -> {
            if (state != State.PAUSED) return;
            if (exchange != null) exchange.abort();
            exchange = null;
            stopSegments();
            if (target != null) target.close();
        }, ms);
    }

    private void unpause() {
        stopTimer();
        if (exchange != null || (segmented != null && !segmentsStopped)) {
            moveTo(State.RECEIVING);
            release(HOLD_USER);
        } else {
            readHolds = 0;
            attempt--; // not a retry: the same attempt goes on where it stopped
            beginAttempt();
        }
    }

    // ---- the exchange's callbacks (on the loop) ----------------------------------------------

    @Override
    public void onResponse(ResponseHead head) {
        int status = head.status();
        if (Redirects.isRedirect(status) && head.header("Location") != null) {
            beginRedirect(head.header("Location"));
            return;
        }
        if (saved.asked() == null && endWith(savedFile.unchanged(head))) {
            if (status != 304) exchange.abort(); // a 304 has no body: its connection stays reusable
            return;
        }
        if (saved.asked() != null && (status == 200 || status == 206 || status == 416)) {
            onRangeResponse(head);
            return;
        }
        if (status == 206) {
            exchange.abort();
            fail(FailureReason.PROTOCOL, "206 Partial Content to a request without a Range", status);
            return;
        }
        if (status < 200 || status > 299) {
            exchange.abort();
            String why = "HTTP " + status + (head.reason() == null || head.reason().isEmpty() ? "" : " " + head.reason());
            attemptFailed(FailureReason.forStatus(status), why, status,
                    RetryPolicy.parseRetryAfter(head.header("Retry-After"), Instant.now()));
            return;
        }
        startBody(head, 0);
    }

    private void onRangeResponse(ResponseHead head) {
        RangeDecision d = ResumeRules.decide(head.status(), head.header("Content-Range"), head.header("ETag"),
                head.header("Last-Modified"), saved.asked(), saved.record());
        if (d instanceof RangeDecision.Append a) {
            startBody(head, a.offset());
        } else if (d instanceof RangeDecision.Complete) {
            exchange.abort();
            bytes = saved.record().total();
            total = saved.record().total();
            complete();
        } else if (d instanceof RangeDecision.Restart) {
            if (head.status() != 200) {
                // 416 for bytes we do not have: ask again for the whole file.
                exchange.abort();
                saved.distrust();
                attemptFailed(FailureReason.PROTOCOL_RETRYABLE, "the saved bytes no longer fit the file", head.status(), Duration.ZERO);
                return;
            }
            // A whole new body: the saved bytes, ranges and validators are history.
            saved.forget();
            startBody(head, 0);
        } else if (d instanceof RangeDecision.Mismatch m) {
            exchange.abort();
            saved.distrust();
            attemptFailed(FailureReason.PROTOCOL_RETRYABLE, "bad range response: " + m.why(), head.status(), null);
        }
    }

    /** The response carries the body from {@code offset} on. */
    private void startBody(ResponseHead head, long offset) {
        long length = head.contentLength();
        if (request.stream() != null) {
            if (offset == 0 && bytes > 0) {
                exchange.abort();
                fail(FailureReason.TRUNCATED, "the server restarted the file, and standard output cannot be rewound", 0);
                return;
            }
            if (sink == null) {
                sink = new StreamSink(request.stream(), () -> host.post(this::sinkDrained),
                        err -> host.post(() -> sinkBroken(err)));
            }
            if (offset == 0) sinkRecord = recordOf(head, length);
            total = offset == 0 ? length : sinkRecord.total();
        } else {
            if (!openTarget(head, offset, length)) return;
        }
        bytes = offset;
        // A stream continued exactly where it stopped keeps its digest: every byte went through it.
        boolean streamContinues = request.stream() != null && offset > 0;
        if (digest != null && !streamContinues) digest.restartAt(offset);
        if (sink == null) maybeSegment(head, offset);
        moveTo(State.RECEIVING);
        if (!startedOnce) host.emit(new TransferEvent.Started(snapshot(), head.protocol()));
        startedOnce = true;
        if (pauseWanted) pauseNow();
    }

    private ResumeRecord recordOf(ResponseHead head, long length) {
        return new ResumeRecord(maskedUrl, head.header("ETag"), head.header("Last-Modified"), length);
    }

    private boolean openTarget(ResponseHead head, long offset, long length) {
        try {
            if (offset > 0 || saved.ranges() != null) {
                ResumeRecord record = saved.record();
                target.continueAt(offset, record);
                total = record.total() >= 0 ? record.total() : (length >= 0 ? offset + length : -1);
                return true;
            }
            if (target == null && !reserveName(head)) return false;
            total = length;
            target.startFresh(recordOf(head, length));
            return true;
        } catch (IOException e) {
            exchange.abort();
            fail(FailureReason.STORAGE, "cannot write " + target.partInDir() + ": " + Io.message(e), 0);
            return false;
        }
    }

    /** Ends the transfer as done with an existing file ({@code kept}), when there is one. */
    private boolean endWith(Outcome.Completed kept) {
        if (kept == null) return false;
        finish(State.DONE, kept, kept.path().getFileName().toString());
        return true;
    }

    private boolean reserveName(ResponseHead head) {
        String replaced = savedFile.nameToReplace();
        if (replaced != null) { // -N: the new version takes the old one's name, when complete
            target = new TargetFile(host.names(), replaced, replaced, true);
            return true;
        }
        String preferred = TargetNames.choose(request.outName(), head.header("Content-Disposition"), request.url());
        if (resumeUnderServerName(preferred)) return false;
        Decision decision = host.names().reserve(preferred);
        if (decision instanceof Decision.Skip skip) {
            exchange.abort();
            Path existing = host.names().dir().resolve(skip.name());
            finish(State.DONE, new Outcome.Completed(existing, Io.sizeOf(existing), true), skip.name());
            return false;
        }
        if (decision instanceof Decision.Refuse refuse) {
            exchange.abort();
            failNamed(refuse.message(), refuse.name());
            return false;
        }
        Decision.Use use = (Decision.Use) decision;
        target = new TargetFile(host.names(), preferred, use.name(), use.replace());
        return true;
    }

    /**
     * The server names the file (Content-Disposition) and an earlier run left {@code NAME.part} for
     * this URL: instead of truncating it, ask again with a Range. Once per transfer.
     */
    private boolean resumeUnderServerName(String preferred) {
        TargetFile candidate = saved.underServerName(preferred, TargetNames.choose(request.outName(), null, request.url()),
                host.names());
        if (candidate == null) return false;
        exchange.abort();
        exchange = null;
        target = candidate;
        attempt--; // not a retry: the same attempt, now asking for the rest
        beginAttempt();
        return true;
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
        if (state != State.RECEIVING && state != State.PAUSED) return;
        if (segmented != null) {
            if (!segmented.mainBody(chunk) && exchange != null) {
                exchange.abort(); // its range is full: the rest belongs to other connections
                exchange = null;
            }
            return;
        }
        int n = chunk.remaining();
        if (total >= 0 && bytes + n > total) {
            exchange.abort();
            attemptFailed(FailureReason.PROTOCOL_RETRYABLE, "body longer than announced", 0, null);
            return;
        }
        if (digest != null) digest.update(chunk.duplicate());
        if (sink != null) {
            if (sink.write(chunk)) hold(HOLD_SINK);
        } else {
            try {
                target.write(chunk, bytes);
            } catch (IOException e) {
                exchange.abort();
                target.close();
                fail(FailureReason.STORAGE, "cannot write " + target.partInDir() + ": " + Io.message(e), 0);
                return;
            }
        }
        countSaved(n);
        // The body needs more than this read: from now on the .part is worth resuming.
        if (target != null && (total < 0 || bytes < total)) target.ensureSidecar();
    }

    /** Bytes reached the .part (or the stream): progress, speed and the rate limit. */
    private void countSaved(int n) {
        bytes += n;
        speed.add(n);
        RateLimiter limiter = host.rateLimiter();
        // Every byte is paid for, even those already in flight when reading was held.
        if (limiter != null && limiter.spend(n) && (readHolds & HOLD_RATE) == 0) {
            hold(HOLD_RATE);
            limiter.await(() -> release(HOLD_RATE));
        }
    }

    /** Stops reading the socket for {@code reason}; reading goes on when no reason is left. */
    private void hold(int reason) {
        boolean wasReading = readHolds == 0;
        readHolds |= reason;
        if (wasReading && exchange != null) exchange.pauseReading();
        if (wasReading && segmented != null) segmented.setReading(false);
    }

    private void release(int reason) {
        if ((readHolds & reason) == 0) return;
        readHolds &= ~reason;
        if (readHolds == 0 && exchange != null && !state.isFinal()) exchange.resumeReading();
        if (readHolds == 0 && segmented != null && !state.isFinal()) segmented.setReading(true);
    }

    @Override
    public void onComplete() {
        exchange = null;
        if (state == State.REDIRECTING) {
            followRedirect();
            return;
        }
        if (state != State.RECEIVING && state != State.PAUSED) return;
        if (segmented != null) {
            segmented.mainLost(FailureReason.TRUNCATED, "body ended before its range was full");
            return;
        }
        if (total >= 0 && bytes != total) {
            attemptFailed(FailureReason.TRUNCATED, "body ended after " + bytes + " of " + total + " bytes", 0, null);
            return;
        }
        complete();
    }

    @Override
    public void onError(FailureReason reason, String message) {
        exchange = null;
        if (state.isFinal() || state == State.RETRY_WAIT) return;
        if (segmented != null && (state == State.RECEIVING || state == State.PAUSED)) {
            segmented.mainLost(reason, message); // one connection of several: that range is retried
            return;
        }
        if (state == State.PAUSED) {
            // The server gave up on a paused connection: stay paused; unpausing resumes with a Range.
            if (target != null) target.close();
            return;
        }
        attemptFailed(reason, message, 0, null);
    }

    // ---- sources and segments --------------------------------------------------------------

    /** Credentials go only to their own origin: -u and -H's to the first URL's, a mirror's own to the mirror's. */
    private List<Header> headersFor(Sources.Source source, Origin target) {
        if (sources.isFirst(source)) {
            return RequestHeaders.forOrigin(host.config(), credentialOrigin, target, request.url().getRawUserInfo());
        }
        return RequestHeaders.forMirror(host.config(), source.url, target);
    }

    /**
     * The source this attempt asked failed after its retries, before any segment began: drop it
     * (one warning) and start over with the next one, its retries counted afresh.
     */
    private boolean nextSource(FailureReason reason, String message) {
        if (segmented != null || request.stream() != null || sources.live() < 2) return false;
        if (reason == FailureReason.STORAGE || reason == FailureReason.CHECKSUM_MISMATCH
                || reason == FailureReason.FILE_EXISTS || reason == FailureReason.INTERNAL) return false;
        Sources.Source failed = sources.primary();
        sources.drop(failed);
        host.emit(new TransferEvent.SourceDropped(snapshot(), failed.masked, "failed: " + message));
        attempt = 0;
        beginAttempt();
        return true;
    }

    private boolean segmentsStopped;

    /**
     * Spreads the body over extra connections when -x asks for it and the server can prove it
     * serves ranges of this exact file: a known size, Accept-Ranges and a validator.
     */
    private void maybeSegment(ResponseHead head, long offset) {
        int connections = host.config().connections(); // 0: -x auto
        ResumeRecord record = target == null ? null : target.record();
        if (saved.record() != null && saved.record().sources() != null) sources.addRecorded(saved.record().sources());
        if (connections == 1 && sources.live() < 2 || segmentsDisabled || record == null || !record.hasValidator() || total <= 0) return;
        List<long[]> missing;
        if (saved.ranges() != null) {
            missing = SegmentPlan.complement(total, saved.ranges());
        } else {
            boolean ranges = head.header("Accept-Ranges") != null && head.header("Accept-Ranges").toLowerCase().contains("bytes");
            if (offset != 0 || !ranges || total < 2 * SegmentPlan.MIN_SEGMENT) return;
            missing = List.of(new long[] {0, total});
        }
        if (missing.isEmpty() || missing.get(0)[0] != offset) return;
        segmentsStopped = false;
        int planned = connections == 0 ? 1 : Math.max(connections, sources.live());
        segmented = new SegmentedBody(segmentOwner, new SegmentPlan(total, missing, planned), record, sources,
                sources.primary(), connections);
        bytes = segmented.saved();
        if (digest != null) digest.giveUp();
        segmented.saveRanges();
        segmented.spread();
    }

    private void stopSegments() {
        if (segmented != null && !segmentsStopped) {
            segmentsStopped = true;
            segmented.stop();
        }
    }

    private final SegmentedBody.Owner segmentOwner = new SegmentedBody.Owner() {
        @Override
        public TransferHost host() {
            return host;
        }

        @Override
        public Origin origin() {
            return origin;
        }

        @Override
        public URI url() {
            return url;
        }

        @Override
        public List<Header> requestHeaders(Sources.Source source, URI to) {
            return headersFor(source, Origin.of(to));
        }

        @Override
        public void sourceDropped(Sources.Source source, String why) {
            log.debug("transfer {}: source {} dropped: {}", id, source.masked, why);
            host.emit(new TransferEvent.SourceDropped(snapshot(), source.masked, why));
        }

        @Override
        public TargetFile target() {
            return target;
        }

        @Override
        public void saved(int n) {
            countSaved(n);
        }

        @Override
        public void allSaved() {
            segmentsStopped = true;
            if (exchange != null) exchange.abort();
            exchange = null;
            if (state == State.RECEIVING || state == State.PAUSED) complete();
        }

        @Override
        public void segmentsFailed(FailureReason reason, String message, boolean distrustRanges) {
            segmentsStopped = true;
            if (distrustRanges) segmentsDisabled = true;
            attemptFailed(reason, message, 0, null);
        }

        @Override
        public boolean reading() {
            return readHolds == 0;
        }
    };

    // ---- finishing -------------------------------------------------------------------------

    /** All bytes are saved: verify, then give the file its name (or flush the stream). */
    private void complete() {
        moveTo(State.FINISHING);
        if (digest == null) {
            publish();
        } else if (digest.coversWholeBody()) {
            verified(digest.hex());
        } else if (target == null) {
            verified(null); // a stream's earlier bytes are gone: what cannot be checked is not accepted
        } else {
            // Resumed: the bytes before this attempt were never hashed. Hash the file off the loop.
            target.close();
            BodyDigest.ofFile(target.partPath()).whenComplete((hex, err) -> host.post(() ->
                    verified(err != null ? null : hex)));
        }
    }

    private void verified(String actual) {
        if (state != State.FINISHING) return;
        if (actual == null || !actual.equalsIgnoreCase(request.sha256())) {
            if (target != null) target.discard();
            if (sink != null) sink.abandon();
            fail(FailureReason.CHECKSUM_MISMATCH, "sha256 mismatch: expected " + request.sha256()
                    + (actual == null ? "" : ", got " + actual), 0);
            return;
        }
        publish();
    }

    private void publish() {
        if (sink != null) {
            sink.finish().whenComplete((ok, err) -> host.post(() -> flushed(err)));
            return;
        }
        target.forceThen(host::post, this::promoteForced); // durable: bytes, then record, then name, then directory
    }

    private void promoteForced(IOException notForced) {
        if (state != State.FINISHING) return; // cancelled while the bytes were forced
        if (notForced != null) {
            fail(FailureReason.STORAGE, "cannot write " + target.partInDir() + ": " + Io.message(notForced), 0);
            return;
        }
        // The record and the server's Last-Modified go on first (off the loop): a name never exists unrecorded.
        savedFile.beforeRename(target, bytes).whenComplete((ok, err) -> host.post(this::rename));
    }

    private void rename() {
        if (state != State.FINISHING) return; // cancelled meanwhile
        try {
            String recorded = target.name();
            Path saved = target.promote(host.config().onExists() == OnExists.RENAME);
            if (!recorded.equals(target.name())) savedFile.renamedTo(target, bytes);
            target.forceDirectoryThen(saved, host::post, () -> finish(State.DONE, new Outcome.Completed(saved, bytes, false)));
        } catch (FileAlreadyExistsException e) {
            fail(FailureReason.FILE_EXISTS, target.name() + " already exists", 0);
        } catch (IOException e) {
            fail(FailureReason.STORAGE, "cannot rename " + target.partPath().getFileName() + " to " + target.name()
                    + ": " + Io.message(e), 0);
        }
    }

    private void flushed(Throwable err) {
        if (state != State.FINISHING) return;
        if (err != null) fail(FailureReason.STORAGE, "cannot write to standard output: " + Io.message(err), 0);
        else finish(State.DONE, new Outcome.Completed(Path.of("-"), bytes, false));
    }

    private void sinkBroken(Throwable err) {
        if (state.isFinal()) return;
        stopTimer();
        if (exchange != null) exchange.abort();
        exchange = null;
        fail(FailureReason.STORAGE, "cannot write to standard output: " + Io.message(err), 0);
    }

    private void sinkDrained() {
        release(HOLD_SINK);
    }

    // ---- redirects -------------------------------------------------------------------------

    private void beginRedirect(String location) {
        try {
            redirectTarget = redirects.next(url, location);
        } catch (Redirects.TooMany e) {
            exchange.abort();
            fail(FailureReason.TOO_MANY_REDIRECTS, e.getMessage(), 0);
            return;
        } catch (Redirects.Loop e) {
            exchange.abort();
            fail(FailureReason.REDIRECT_LOOP, e.getMessage(), 0);
            return;
        } catch (IllegalArgumentException e) {
            exchange.abort();
            fail(FailureReason.PROTOCOL, e.getMessage(), 0);
            return;
        }
        redirectBodyBytes = 0;
        moveTo(State.REDIRECTING);
    }

    private void followRedirect() {
        URI next = redirectTarget;
        redirectTarget = null;
        redirects.follow(next);
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

    // ---- failure and retry -----------------------------------------------------------------

    /** This attempt failed: retry after a back-off when the failure is worth it, else give up. */
    private void attemptFailed(FailureReason reason, String message, int httpStatus, Duration retryAfter) {
        if (state.isFinal()) return;
        stopTimer();
        if (exchange != null) exchange.abort();
        exchange = null;
        stopSegments();
        if (target != null) target.close();
        if (state == State.PAUSED) {
            // The user paused it: it stays paused, and unpausing starts the next attempt.
            return;
        }
        boolean streamCannotResume = request.stream() != null && bytes > 0
                && (sinkRecord == null || !sinkRecord.hasValidator());
        Optional<Duration> delay = streamCannotResume ? Optional.empty() : host.retryPolicy().next(reason, attempt, retryAfter);
        if (delay.isEmpty()) {
            if (nextSource(reason, message)) return;
            if (sink != null) sink.abandon();
            fail(reason, message, httpStatus);
            return;
        }
        moveTo(State.RETRY_WAIT);
        log.debug("transfer {} attempt {} failed ({}); retrying in {} ms", id, attempt, message, delay.get().toMillis());
        host.emit(new TransferEvent.Retry(snapshot(), reason, message, delay.get()));
        timer = host.schedule(() -> {
            if (state == State.RETRY_WAIT) beginAttempt();
        }, delay.get().toMillis());
    }

    private void fail(FailureReason reason, String message, int httpStatus) {
        stopSegments();
        if (target != null) target.close();
        finish(State.FAILED, new Outcome.Failed(reason, message, httpStatus));
    }

    private void failNamed(String message, String name) {
        finish(State.FAILED, new Outcome.Failed(FailureReason.FILE_EXISTS, message, 0), name);
    }

    private void finish(State last, Outcome outcome) {
        finish(last, outcome, null);
    }

    private void finish(State last, Outcome outcome, String nameWithoutTarget) {
        if (state.isFinal()) return;
        stopTimer();
        moveTo(last);
        shownName = nameWithoutTarget;
        if (target != null) target.release();
        host.ended(this, outcome);
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The one place the state changes. */
    private void moveTo(State next) {
        if (state.isFinal()) throw new IllegalStateException("transfer " + id + " is already " + state);
        if (log.isTraceEnabled()) log.trace("transfer {}: {} -> {}", id, state, next);
        state = next;
    }

    // ---- what others see -------------------------------------------------------------------

    TransferState publicState() {
        return switch (state) {
            case QUEUED -> TransferState.QUEUED;
            case CONNECTING, REDIRECTING -> TransferState.CONNECTING;
            case RECEIVING, FINISHING -> TransferState.DOWNLOADING;
            case PAUSED -> TransferState.PAUSED;
            case RETRY_WAIT -> TransferState.RETRY_WAIT;
            case DONE -> TransferState.DONE;
            case FAILED -> TransferState.FAILED;
            case CANCELLED -> TransferState.CANCELLED;
        };
    }

    TransferSnapshot snapshot() {
        String name = target != null ? target.name() : request.stream() != null ? "-" : shownName;
        Path path = target != null ? target.finalPath() : null;
        return new TransferSnapshot(id, maskedUrl, name, path, publicState(), bytes, total,
                state == State.PAUSED ? 0 : speed.bytesPerSecond(), Math.max(1, attempt), sources.shown(),
                segmented != null && state == State.RECEIVING ? Math.max(1, segmented.connectionsInUse()) : 1);
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

    static final class Io {
        private Io() {}

        static String message(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) t = t.getCause();
            if (t instanceof java.nio.file.AccessDeniedException) return "permission denied";
            if (t instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
            String m = t.getMessage();
            if (m != null && m.contains("No space left")) return "no space left on device";
            if (m != null && m.contains("Read-only file system")) return "read-only file system";
            return m == null ? t.getClass().getSimpleName() : m;
        }

        static long sizeOf(Path p) {
            try {
                return java.nio.file.Files.size(p);
            } catch (IOException e) {
                return -1;
            }
        }
    }
}
