package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.EngineListener;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.Secrets;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.Transport;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's heart, confined to the loop: the table of live transfers, admission, outcomes,
 * and the periodic snapshot. Every method except {@link #latestSnapshot}, {@link #idleFuture}
 * and {@link #loopThread} runs on the loop.
 */
public final class Scheduler implements TransferHost {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final long SNAPSHOT_EVERY_MS = 100;
    private static final long PROGRESS_EVERY_MS = 1000;

    private final EngineConfig config;
    private final Transport transport;
    private final EngineListener listener;
    private final EventLoop loop;
    private final Admission admission;
    private final NameReservations names;
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    private final dev.haul.core.Rerun rerun;
    private final dev.haul.core.records.SavedFileLog savedFiles;
    /** Transfers not yet ended, in submission order. */
    private final Map<Long, Transfer> live = new LinkedHashMap<>();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private volatile EngineSnapshot latest = EngineSnapshot.EMPTY;
    /** When {@link #latest} was made, and when a reader last asked for it (System.nanoTime). */
    private volatile long publishedAt = System.nanoTime();
    private volatile long readAt = Long.MIN_VALUE / 2;
    private volatile Thread loopThread;
    private int done;
    private int failed;
    private int cancelled;
    private boolean inputFinished;
    private boolean stopped;
    /** Cancelling everything: a transfer that ends meanwhile must not let a queued one start. */
    private boolean halting;
    private final java.util.function.BiFunction<RequestSpec, ExchangeListener, Exchange> exchanges;
    /** Open ways to add requests besides the list (the add-URL prompt): the run does not end while any is open. */
    private int inputHolds;

    public Scheduler(EngineConfig config, Transport transport, EngineListener listener) {
        this(config, transport, listener, dev.haul.core.Rerun.OFF);
    }

    /** Reads the output directory's saved-file records: on the caller's thread, before the loop needs them. */
    public Scheduler(EngineConfig config, Transport transport, EngineListener listener, dev.haul.core.Rerun rerun) {
        this(config, transport, transport.loop(), transport::exchange, listener, rerun);
    }

    /** For tests: any loop (an EmbeddedChannel's, on virtual time) and fake exchanges; no transport needed. */
    Scheduler(EngineConfig config, Transport transport, EventLoop loop,
              java.util.function.BiFunction<RequestSpec, ExchangeListener, Exchange> exchanges, EngineListener listener) {
        this(config, transport, loop, exchanges, listener, dev.haul.core.Rerun.OFF);
    }

    private Scheduler(EngineConfig config, Transport transport, EventLoop loop,
                      java.util.function.BiFunction<RequestSpec, ExchangeListener, Exchange> exchanges,
                      EngineListener listener, dev.haul.core.Rerun rerun) {
        this.rerun = rerun;
        this.savedFiles = dev.haul.core.records.SavedFileLog.open(config.dir());
        this.config = config;
        this.transport = transport;
        this.exchanges = exchanges;
        this.listener = listener;
        this.loop = loop;
        this.admission = transport == null ? new Admission(config.jobs(), config.perHost())
                : new Admission(config.jobs(), config.perHost(), transport::multiplexes);
        // an h2 connection came up: --per-host counts it once, whatever it carries
        if (transport != null) transport.onStreamRoom(this::pump);
        this.names = new NameReservations(config.dir(), config.onExists(),
                new dev.haul.core.storage.OpenParts(OpenFileLimit.partBudget(config.jobs())));
        this.rateLimiter = config.limitRate() > 0 ? new RateLimiter(config.limitRate(), System.nanoTime()) : null;
        this.retryPolicy = new RetryPolicy(config.retries(), () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** Starts the periodic work. Called once, from any thread. */
    public void start() {
        loop.execute(() -> loopThread = Thread.currentThread());
        LoopProbe.startIfAsked(loop); // -Dhaul.loopProbe=true: the longest busy stretch, on stderr at exit
        loop.scheduleAtFixedRate(this::tickSpeedsAndPublish, SNAPSHOT_EVERY_MS, SNAPSHOT_EVERY_MS, TimeUnit.MILLISECONDS);
        if (rateLimiter != null) {
            loop.scheduleAtFixedRate(() -> rateLimiter.tick(System.nanoTime()), 10, 10, TimeUnit.MILLISECONDS);
        }
        if (config.progressEvents()) {
            loop.scheduleAtFixedRate(this::emitProgress, PROGRESS_EVERY_MS, PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }

    // ---- commands, posted by DownloadEngine ----------------------------------------------------

    public void submit(long id, DownloadRequest request) {
        assert loop.inEventLoop();
        if (stopped) return;
        Transfer t;
        try {
            t = new Transfer(id, request, this);
        } catch (RuntimeException e) {
            log.debug("request {} could not become a transfer", id, e);
            failNow(id, request.url().toString(), FailureReason.INTERNAL, Reasons.internal(e));
            return;
        }
        live.put(id, t);
        emit(new TransferEvent.Queued(t.snapshot()));
        admission.enqueue(t);
        pump();
    }

    /** A request that could not be made into a transfer (a bad list line): it fails at once. */
    public void reject(long id, String rawUrl, String message) {
        assert loop.inEventLoop();
        if (stopped) return;
        failNow(id, rawUrl, FailureReason.BAD_REQUEST, message);
    }

    private void failNow(long id, String rawUrl, FailureReason reason, String message) {
        TransferSnapshot s = new TransferSnapshot(id, Secrets.maskUrl(rawUrl), null, null, TransferState.FAILED, 0, -1, 0, 0);
        failed++;
        emit(new TransferEvent.Finished(s, new Outcome.Failed(reason, message, 0)));
        checkIdle();
    }

    public void finishInput() {
        assert loop.inEventLoop();
        inputFinished = true;
        checkIdle();
    }

    /** Cancels everything and takes no more: the run ends now. */
    public void stop() {
        assert loop.inEventLoop();
        stopped = true;
        inputHolds = 0;
        cancelAll();
        finishInput();
    }

    public void cancel(long id) {
        assert loop.inEventLoop();
        Transfer t = live.get(id);
        if (t != null) t.cancel();
        publishSnapshot(); // a key's effect shows at once, not at the next tick
    }

    public void cancelAll() {
        assert loop.inEventLoop();
        halting = true;
        try {
            for (Transfer t : new ArrayList<>(live.values())) t.cancel();
        } finally {
            halting = false;
        }
    }

    public void togglePause(long id) {
        assert loop.inEventLoop();
        Transfer t = live.get(id);
        if (t != null) t.togglePause();
        publishSnapshot();
    }

    public void setJobs(int jobs) {
        assert loop.inEventLoop();
        admission.setJobs(jobs);
        pump();
        publishSnapshot();
    }

    public CompletableFuture<Void> idleFuture() {
        return idle;
    }

    /**
     * The engine as it is now, at most a tick old. A reader that asks every tick (the live display)
     * gets the one the tick made; one that asks seldom (a summary line every 5 s) has none made
     * in between, so it waits briefly for the loop to make a fresh one. Any thread but the loop's.
     */
    public EngineSnapshot latestSnapshot() {
        long now = System.nanoTime();
        readAt = now;
        EngineSnapshot s = latest;
        if (now - publishedAt <= TimeUnit.MILLISECONDS.toNanos(2 * SNAPSHOT_EVERY_MS) || loop.inEventLoop()) return s;
        CompletableFuture<EngineSnapshot> fresh = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                publishSnapshot();
                fresh.complete(latest);
            });
            return fresh.get(1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            return latest; // the loop is gone or busy: the last one made will do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return latest;
        }
    }

    public Thread loopThread() {
        return loopThread;
    }

    // ---- TransferHost --------------------------------------------------------------------------

    @Override
    public EngineConfig config() {
        return config;
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Exchange exchange(RequestSpec request, ExchangeListener exchangeListener) {
        return exchanges.apply(request, exchangeListener);
    }

    @Override
    public NameReservations names() {
        return names;
    }

    @Override
    public void emit(TransferEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("event listener failed: {}", e.toString());
        }
    }

    @Override
    public boolean redirected(Transfer t, Origin from, Origin to) {
        if (admission.hasRoom(to)) {
            admission.moved(from, to);
            return true;
        }
        admission.yielded(from);
        admission.requeueFirst(t);
        pump();
        return false;
    }

    @Override
    public void ended(Transfer t, Outcome outcome) {
        assert loop.inEventLoop();
        if (live.remove(t.id()) == null) return;
        boolean wasQueued = admission.remove(t);
        if (!wasQueued) admission.finished(t.origin());
        if (outcome instanceof Outcome.Completed) done++;
        else if (outcome instanceof Outcome.Failed) failed++;
        else cancelled++;
        emit(new TransferEvent.Finished(t.snapshot(), outcome));
        pump();
        checkIdle();
    }

    @Override
    public void post(Runnable task) {
        loop.execute(task);
    }

    @Override
    public io.netty.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public boolean tryExtraSlot(Origin origin) {
        return admission.tryExtra(origin);
    }

    @Override
    public void releaseExtraSlot(Origin origin) {
        admission.releaseExtra(origin);
        pump();
    }

    @Override
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public dev.haul.core.Rerun rerun() {
        return rerun;
    }

    @Override
    public dev.haul.core.records.SavedFileLog savedFiles() {
        return savedFiles;
    }

    // ---- internals -----------------------------------------------------------------------------

    /** Starts queued transfers while admission allows. */
    private void pump() {
        if (halting || stopped) return; // stopping: nothing new starts, not even for a moment
        Transfer t;
        while ((t = admission.next()) != null) t.admitted();
    }

    /** Someone may still add a request (a prompt is open): the run must not end meanwhile. */
    public void holdInput() {
        assert loop.inEventLoop();
        inputHolds++;
    }

    public void releaseInput() {
        assert loop.inEventLoop();
        if (inputHolds > 0) inputHolds--;
        checkIdle();
    }

    private void checkIdle() {
        if (inputFinished && inputHolds == 0 && live.isEmpty() && !idle.isDone()) {
            publishSnapshot();
            idle.complete(null);
        }
    }

    /**
     * Speeds are updated every tick; a snapshot is made only while someone reads them that often:
     * with thousands of transfers, making one costs more than a quiet run should pay ten times a second.
     */
    private void tickSpeedsAndPublish() {
        long now = System.nanoTime();
        for (Transfer t : live.values()) t.speed().tick(now);
        if (now - readAt <= TimeUnit.MILLISECONDS.toNanos(2 * SNAPSHOT_EVERY_MS)) publishSnapshot();
    }

    private void publishSnapshot() {
        List<TransferSnapshot> list = new ArrayList<>(live.size());
        long speed = 0;
        for (Transfer t : live.values()) {
            speed += t.speed().bytesPerSecond();
            list.add(t.snapshot());
        }
        latest = new EngineSnapshot(List.copyOf(list), done, failed, cancelled, admission.queued(), speed, admission.jobs());
        publishedAt = System.nanoTime();
    }

    private void emitProgress() {
        for (Transfer t : live.values()) {
            if (t.takeProgress()) emit(new TransferEvent.Progress(t.snapshot()));
        }
    }
}
