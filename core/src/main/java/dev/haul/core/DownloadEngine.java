package dev.haul.core;

import dev.haul.core.engine.Scheduler;
import dev.haul.core.transport.Transport;
import dev.haul.core.transport.WarmUp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The download engine: one event-loop thread runs every transfer. Every public method here is
 * safe to call from any thread; each one posts a task to the loop and returns at once.
 */
public final class DownloadEngine implements AutoCloseable {
    private final Transport transport;
    private final Scheduler scheduler;
    /** Ids are handed out on the caller's thread so submit can return one without waiting for the loop. */
    private final AtomicLong nextId = new AtomicLong(1);

    private DownloadEngine(EngineConfig config, EngineListener listener, Rerun rerun) {
        this.transport = new Transport(config);
        this.scheduler = new Scheduler(config, transport, listener, rerun);
    }

    /**
     * Optional: starts Netty's configuration-free start-up work (the native transport, class set-up)
     * on a background thread, so that it overlaps what the caller does next, such as reading the
     * command line. {@link #start} waits for it; so must anything else that uses Netty first.
     */
    public static void warmUp() {
        WarmUp.start();
    }

    /** Returns once a {@link #warmUp()} has finished (at once if none was started): call before exiting. */
    public static void awaitWarmUp() {
        WarmUp.await();
    }

    /** Starts the loop. Events go to {@code listener} on the loop thread. */
    public static DownloadEngine start(EngineConfig config, EngineListener listener) {
        return start(config, listener, Rerun.OFF);
    }

    /** Starts the loop; files saved before from the same URL are treated as {@code rerun} says. */
    public static DownloadEngine start(EngineConfig config, EngineListener listener, Rerun rerun) {
        DownloadEngine engine = new DownloadEngine(config, listener, rerun);
        engine.scheduler.start();
        return engine;
    }

    /** Queues a request; it starts as soon as admission allows. Returns its transfer id. */
    public long submit(DownloadRequest request) {
        long id = nextId.getAndIncrement();
        if ("https".equalsIgnoreCase(request.url().getScheme())) transport.prepareTls(); // off the loop, before it is needed
        post(() -> scheduler.submit(id, request));
        return id;
    }

    /** Records a request that could not even be queued (a bad line in a list) as failed. */
    public long reject(String rawUrl, String message) {
        long id = nextId.getAndIncrement();
        post(() -> scheduler.reject(id, rawUrl, message));
        return id;
    }

    /** Says no more requests will come: {@link #whenIdle()} completes once the last one ends. */
    public void finishInput() {
        post(scheduler::finishInput);
    }

    /**
     * Keeps the run open while another source of requests may still add one (an add-URL prompt),
     * even after the list ended and every transfer finished. Pair with {@link #releaseInput()}.
     */
    public void holdInput() {
        post(scheduler::holdInput);
    }

    public void releaseInput() {
        post(scheduler::releaseInput);
    }

    /** Completes when input is finished and every transfer has ended. */
    public CompletableFuture<Void> whenIdle() {
        return scheduler.idleFuture();
    }

    /** Cancels one transfer, keeping its .part file. Idempotent. */
    public void cancel(long id) {
        post(() -> scheduler.cancel(id));
    }

    /** Cancels everything, queued and running, keeping .part files. */
    public void cancelAll() {
        post(scheduler::cancelAll);
    }

    /**
     * Stops the run: cancels every transfer (keeping .part files), refuses later submissions and
     * completes {@link #whenIdle()}. The returned future completes once that has happened on the loop.
     */
    public CompletableFuture<Void> stop() {
        post(scheduler::stop);
        return scheduler.idleFuture();
    }

    /** Pauses a running transfer, or resumes a paused one. */
    public void togglePause(long id) {
        post(() -> scheduler.togglePause(id));
    }

    /** Changes --jobs while running: more transfers start at once, or fewer as running ones end. */
    public void setJobs(int jobs) {
        post(() -> scheduler.setJobs(jobs));
    }

    /**
     * The engine as it is now, at most about 100 ms old. Read every tick (a live display), it never
     * blocks; read seldom, it may wait a moment for the loop to make a fresh one. Not on the loop.
     */
    public EngineSnapshot snapshot() {
        return scheduler.latestSnapshot();
    }

    /**
     * The most transfers that run at once under this process's open-file limit (a socket and a
     * .part each); a larger --jobs is cut to it.
     */
    public static int maxTransfersAtOnce() {
        return dev.haul.core.engine.OpenFileLimit.maxTransfers();
    }

    /** The thread that runs every transfer: for tests that prove the single-thread rule. */
    public Thread loopThread() {
        return scheduler.loopThread();
    }

    /**
     * Hands a command to the loop. Once the engine is closed its loop takes no more: a request
     * that arrives after that (a list line read during shutdown) is dropped, not thrown back at
     * the thread that read it.
     */
    private void post(Runnable command) {
        try {
            transport.loop().execute(command);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the run is over: nothing will start, nothing is reported
        }
    }

    /** Stops the loop at once (no quiet period); transfers still running are cancelled first. */
    @Override
    public void close() {
        transport.close(scheduler::cancelAll);
        scheduler.savedFiles().close(); // the records still waiting are written before the process ends
    }
}
