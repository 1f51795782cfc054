package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.FailureReason;
import dev.haul.core.Header;
import dev.haul.core.Outcome;
import dev.haul.core.Secrets;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import dev.haul.core.engine.Lifecycle.State;
import dev.haul.core.transport.Origin;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One requested download, from queue to outcome: a state machine that lives on the loop. Every
 * change of state goes through {@link #moveTo}, which checks it against {@link Lifecycle} and
 * runs what entering the state needs (curl's {@code mstate()} and its on-enter hooks). One
 * {@link Attempt} at a time talks to the network; a failed attempt is retried when the failure is
 * worth it, continuing from the saved bytes when the server can prove they are still the right
 * ones. Every way in from the loop goes through {@link #guard}: a bug fails this transfer.
 */
final class Transfer {
    private static final Logger log = LoggerFactory.getLogger(Transfer.class);

    private final long id;
    final DownloadRequest request;
    final TransferHost host;
    /** The host for this transfer's helpers: what they post or schedule runs under {@link #guard}. */
    final TransferHost guardedHost;
    /** Credentials given by the user belong to the origin of the URL they typed. */
    private final Origin credentialOrigin;
    final String maskedUrl;
    private final SpeedMeter speed = new SpeedMeter();
    /** Bytes saved before this attempt, and whether (and how) it asks to continue them. */
    final SavedBytes saved;
    final Output out;
    final Segments segments = new Segments(this);
    final ReadHolds holds = new ReadHolds(this::applyReading);
    private final RetryCounter retries = new RetryCounter();
    /** The saved-file records: rerun rule, -N, and the record of this file. */
    final SavedFileCheck savedFile;
    /** The URL given first and its mirrors: attempts ask the first one still live. */
    final Sources sources;

    private State state = State.QUEUED;
    URI url;
    Origin origin;
    Redirects redirects;
    /** The request now out, or null. */
    private Attempt attempt;
    private boolean begun;
    /** The user pressed pause before the body started: it pauses as soon as it does. */
    private boolean pauseWanted;
    private boolean startedOnce;
    /** The timer of the current state: the back-off, or how long a paused connection is kept. */
    private ScheduledFuture<?> timer;
    private Duration retryDelay;
    private Outcome outcome;
    /** The name to show when the transfer ended before it had a target (skip, refuse). */
    private String shownName;
    private long lastProgressBytes = -1;
    /** Sees every move made (tests check that each allowed move happens somewhere). */
    java.util.function.BiConsumer<State, State> watcher = (from, to) -> { };

    Transfer(long id, DownloadRequest request, TransferHost host) {
        this.id = id;
        this.request = request;
        this.host = host;
        this.guardedHost = new GuardedHost(host, this);
        this.url = request.url();
        this.origin = Origin.of(url);
        this.credentialOrigin = origin;
        this.maskedUrl = Secrets.maskUrl(request.url());
        this.redirects = new Redirects(host.config().maxRedirects(), url);
        this.out = new Output(request.sha256() != null);
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

    State state() {
        return state;
    }

    // ---- commands from the scheduler ---------------------------------------------------------

    /** Admission gave this transfer a slot: the first attempt, or the request it waited to send. */
    void admitted() {
        guard(() -> {
            if (begun) moveTo(State.CONNECTING);
            else if (!kept(savedFile.beforeFirstRequest())) beginAttempt(); // else saved by an earlier run: nothing to ask
        });
    }

    /** Cancels, keeping any .part and its sidecar. Idempotent; a no-op once final. */
    void cancel() {
        guard(() -> {
            if (!state.isFinal()) finish(State.CANCELLED, new Outcome.Cancelled(out.bytes, out.moved));
        });
    }

    /** Pauses a running transfer or resumes a paused one. */
    void togglePause() {
        guard(() -> {
            switch (state) {
                case RECEIVING -> moveTo(State.PAUSED);
                case CONNECTING, REDIRECTING -> pauseWanted = !pauseWanted;
                case RETRY_WAIT -> moveTo(State.PAUSED_IDLE);
                case PAUSED -> moveTo(State.RECEIVING);
                case PAUSED_IDLE -> beginAttempt();
                default -> { }
            }
        });
    }

    // ---- the one place the state changes ------------------------------------------------------

    /** Checks the move against {@link Lifecycle}, then runs what entering {@code next} needs. */
    void moveTo(State next) {
        if (!Lifecycle.allows(state, next)) {
            throw new Lifecycle.IllegalMove("transfer " + id + ": no move from " + state + " to " + next);
        }
        if (log.isTraceEnabled()) log.trace("transfer {}: {} -> {}", id, state, next);
        State from = state;
        watcher.accept(from, next);
        state = next;
        stopTimer(); // a state's timer belongs to it
        switch (next) {
            case CONNECTING -> sendRequest();
            case RECEIVING -> {
                if (from == State.PAUSED) holds.release(ReadHolds.Reason.USER);
            }
            case PAUSED -> {
                holds.hold(ReadHolds.Reason.USER);
                // A server will not keep a silent connection forever: after the stall timeout, let it
                // go and come back later with a Range request.
                timer = guardedHost.schedule(() -> moveTo(State.PAUSED_IDLE), host.config().stallTimeout().toMillis());
            }
            case FINISHING -> endExchange();
            case QUEUED, PAUSED_IDLE -> stopAttempt();
            case RETRY_WAIT -> {
                stopAttempt();
                timer = guardedHost.schedule(this::beginAttempt, retryDelay.toMillis());
            }
            case DONE, FAILED, CANCELLED -> {
                stopAttempt();
                if (next != State.DONE && out.sink != null) out.sink.abandon();
                if (out.target != null) out.target.release();
                host.ended(this, outcome);
            }
            default -> { } // REDIRECTING: the attempt drains the redirect's body
        }
    }

    /** The teardown of a running attempt, wherever it stops: its exchange, its segments, its file. */
    private void stopAttempt() {
        endExchange();
        segments.stop();
        out.closeFile();
    }

    private void endExchange() {
        if (attempt != null) attempt.abort();
        attempt = null;
    }

    // ---- attempts ----------------------------------------------------------------------------

    /** An attempt starts again from the URL as given: redirects are followed afresh each time. */
    void beginAttempt() {
        begun = true;
        segments.reset();
        url = sources.primary().url;
        redirects = new Redirects(host.config().maxRedirects(), url);
        Origin from = origin;
        origin = Origin.of(url);
        saved.plan(out, request, host.names());
        requestAt(from);
    }

    /** Sends the next request, unless its origin is now a different one at its --per-host cap. */
    void requestAt(Origin from) {
        if (!from.equals(origin) && !host.redirected(this, from, origin)) {
            moveTo(State.QUEUED); // wait at the head of the new origin's queue
        } else {
            moveTo(State.CONNECTING);
        }
    }

    /** On entering CONNECTING: a new attempt's request goes out. */
    private void sendRequest() {
        holds.clear();
        endExchange();
        retries.requestSent();
        attempt = new Attempt(this);
        try {
            attempt.send();
        } catch (RuntimeException e) {
            // e.g. a TLS context that cannot be built from --cacert: fail this transfer, not the loop
            fail(FailureReason.TLS, e.getMessage(), 0);
        }
    }

    /** The headers of this attempt's request: to the first live source, at the origin it reached. */
    List<Header> requestHeaders() {
        return headersFor(sources.primary(), origin);
    }

    /** Credentials go only to their own origin: -u and -H's to the first URL's, a mirror's own to the mirror's. */
    List<Header> headersFor(Sources.Source source, Origin target) {
        if (sources.isFirst(source)) {
            return RequestHeaders.forOrigin(host.config(), credentialOrigin, target, request.url().getRawUserInfo());
        }
        return RequestHeaders.forMirror(host.config(), source.url, target);
    }

    /** The body starts: from now on it is saved. {@code protocol} is the response's (http/1.1, h2). */
    void bodyStarted(String protocol) {
        moveTo(State.RECEIVING);
        if (!startedOnce) host.emit(new TransferEvent.Started(snapshot(), protocol));
        startedOnce = true;
        if (pauseWanted) {
            pauseWanted = false;
            moveTo(State.PAUSED);
        }
    }

    /** Bytes reached the .part (or the stream): progress, speed and the rate limit. */
    void countSaved(int n) {
        out.counted(n);
        speed.add(n);
        RateLimiter limiter = host.rateLimiter();
        // Every byte is paid for, even those already in flight when reading was held.
        if (limiter != null && limiter.spend(n) && !holds.holds(ReadHolds.Reason.RATE)) {
            holds.hold(ReadHolds.Reason.RATE);
            limiter.await(() -> guard(() -> holds.release(ReadHolds.Reason.RATE)));
        }
    }

    /** Reading stops or goes on, on every connection of this transfer. */
    private void applyReading(boolean on) {
        if (on && state.isFinal()) return;
        if (attempt != null) attempt.setReading(on);
        segments.setReading(on);
    }

    // ---- failure and retry -------------------------------------------------------------------

    /** This attempt failed: retry after a back-off when the failure is worth it, else give up. */
    void attemptFailed(FailureReason reason, String message, int httpStatus, Duration retryAfter) {
        if (state.isFinal()) return;
        if (state == State.PAUSED || state == State.PAUSED_IDLE) {
            // The user paused it: it stays paused, and unpausing starts the next request.
            if (state == State.PAUSED) moveTo(State.PAUSED_IDLE);
            return;
        }
        Optional<Duration> delay = out.streamCannotResume() ? Optional.empty()
                : retries.afterFailure(host.retryPolicy(), reason, retryAfter);
        if (delay.isEmpty()) {
            if (!nextSource(reason, message)) fail(reason, message, httpStatus);
            return;
        }
        retryDelay = delay.get();
        moveTo(State.RETRY_WAIT);
        log.debug("transfer {} attempt {} failed ({}); retrying in {} ms", id, retries.attempt(), message, retryDelay.toMillis());
        host.emit(new TransferEvent.Retry(snapshot(), reason, message, retryDelay));
    }

    /**
     * The source this attempt asked failed after its retries, before any segment began: drop it
     * (one warning) and go on with the next one, its retries counted afresh, from the saved bytes.
     */
    private boolean nextSource(FailureReason reason, String message) {
        if (segments.active() || request.stream() != null || sources.live() < 2) return false;
        if (reason == FailureReason.STORAGE || reason == FailureReason.CHECKSUM_MISMATCH
                || reason == FailureReason.FILE_EXISTS || reason == FailureReason.INTERNAL) return false;
        Sources.Source failed = sources.primary();
        sources.drop(failed);
        host.emit(new TransferEvent.SourceDropped(snapshot(), failed.masked, "failed: " + message));
        retries.restart();
        retryDelay = Duration.ZERO; // not a retry of the same source: the next one is asked at once
        moveTo(State.RETRY_WAIT);
        return true;
    }

    void fail(FailureReason reason, String message, int httpStatus) {
        finish(State.FAILED, new Outcome.Failed(reason, message, httpStatus, out.moved));
    }

    /** --on-exists fail (or a directory where the file would go): {@code message} says which. */
    void refused(String name, String message) {
        shownName = name;
        finish(State.FAILED, new Outcome.Failed(FailureReason.FILE_EXISTS, message, 0));
    }

    /** Ends the transfer as done with an existing file ({@code kept}, rerun rule or -N), when there is one. */
    boolean kept(Outcome.Completed kept) {
        if (kept == null) return false;
        shownName = kept.path().getFileName().toString();
        finish(State.DONE, kept);
        return true;
    }

    /** --on-exists skip kept {@code existing}, of {@code size} bytes. */
    void skipped(Path existing, String name, long size) {
        shownName = name;
        finish(State.DONE, new Outcome.Completed(existing, size, true, 0));
    }

    void done(Outcome.Completed how) {
        finish(State.DONE, how);
    }

    /** All bytes are saved: verify, then give the file its name (or flush the stream). */
    void complete() {
        moveTo(State.FINISHING);
        new Completion(this).start();
    }

    private void finish(State last, Outcome how) {
        if (state.isFinal()) return;
        outcome = how;
        moveTo(last);
    }

    /**
     * Runs one piece of this transfer's work from the loop. Anything it throws is a bug: it fails
     * this transfer (one line; the stack trace in the debug log), never the loop, never silently.
     */
    void guard(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | AssertionError e) {
            internalError(e);
            // A move the table refuses is the engine's own bug: the user gets one line, a test (-ea) a failure.
            if (e instanceof Lifecycle.IllegalMove m && Transfer.class.desiredAssertionStatus()) throw m;
        }
    }

    private void internalError(Throwable e) {
        log.debug("transfer {} failed with an internal error in state {}", id, state, e);
        if (state.isFinal()) {
            log.warn("transfer {} ({}): {}", id, maskedUrl, Reasons.internal(e));
            return;
        }
        Outcome.Failed failed = new Outcome.Failed(FailureReason.INTERNAL, Reasons.internal(e), 0, out.moved);
        try {
            finish(State.FAILED, failed);
        } catch (RuntimeException | AssertionError again) {
            // The teardown itself broke: end it anyway, or the run would wait for it forever.
            log.debug("transfer {} could not be torn down", id, again);
            state = State.FAILED;
            host.ended(this, failed);
        }
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    // ---- what others see ---------------------------------------------------------------------

    TransferState publicState() {
        return state.shown;
    }

    TransferSnapshot snapshot() {
        TargetFile target = out.target;
        String name = target != null ? target.name() : request.stream() != null ? "-" : shownName;
        Path path = target != null ? target.finalPath() : null;
        boolean paused = state == State.PAUSED || state == State.PAUSED_IDLE;
        return new TransferSnapshot(id, maskedUrl, name, path, publicState(), out.bytes, out.total,
                paused ? 0 : speed.bytesPerSecond(), retries.attempt(), sources.shown(),
                state == State.RECEIVING ? segments.connectionsInUse() : 1);
    }

    SpeedMeter speed() {
        return speed;
    }

    /** True when bytes arrived since the last progress event (and records that one is sent now). */
    boolean takeProgress() {
        if (state != State.RECEIVING || out.bytes == lastProgressBytes) return false;
        lastProgressBytes = out.bytes;
        return true;
    }

    /** For older callers in the engine: {@link Reasons} is the one place. */
    static final class Io {
        static String message(Throwable e) { return Reasons.io(e); }
    }
}
