package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.Urls;
import dev.haul.core.storage.Durability;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.storage.OpenParts;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.FakeExchanges;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.ResponseHeads;
import dev.haul.core.transport.Transport;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TransferHost on virtual time: an EmbeddedChannel's loop runs posted and scheduled tasks only
 * when the test says so, and no request leaves the process: the test plays the server through
 * the listener of each request sent ({@link Sent}).
 */
class FakeHost implements TransferHost {
    /** One request the transfer sent, and the way to answer it. */
    record Sent(RequestSpec request, ExchangeListener listener, Exchange exchange) {
        String header(String name) {
            return request.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(h -> h.value())
                    .findFirst().orElse(null);
        }

        Sent respond(int status, String... headers) {
            listener.onResponse(ResponseHeads.of(status, headers));
            return this;
        }

        Sent body(byte[] bytes, int from, int to) {
            listener.onBody(ByteBuffer.wrap(bytes, from, to - from));
            return this;
        }

        void complete() {
            listener.onComplete();
        }

        void error(dev.haul.core.FailureReason reason) {
            listener.onError(reason, "test says " + reason);
        }

        boolean aborted() {
            return FakeExchanges.aborted(exchange);
        }

        boolean readingPaused() {
            return FakeExchanges.readingPaused(exchange);
        }
    }

    /**
     * A disk that is forced at once, on the caller's thread: what the transfer waits for comes
     * back through {@link #post}, on virtual time.
     */
    static final Durability INSTANT_DISK = new Durability() {
        @Override
        public void force(Path file) {
        }

        @Override
        public void forceDirectory(Path dir) {
        }

        @Override
        public java.util.concurrent.Executor executor() {
            return Runnable::run;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> forceDirectoryLater(Path dir) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    };
    private static final List<Transfer> LEFT_RUNNING = new ArrayList<>();

    /** What a rerun does with files saved before (the records below): none unless a test says so. */
    dev.haul.core.Rerun rerun = dev.haul.core.Rerun.OFF;
    final dev.haul.core.records.SavedFileLog savedFiles = dev.haul.core.records.SavedFileLog.inMemory();

    final EmbeddedChannel loop = new EmbeddedChannel();
    final EngineConfig config;
    final NameReservations names;
    final List<Sent> sent = new ArrayList<>();
    final List<TransferEvent> events = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();
    private final RetryPolicy retryPolicy;

    FakeHost(EngineConfig config) {
        this.config = config;
        this.names = new NameReservations(config.dir(), config.onExists(), OpenParts.unlimited(), INSTANT_DISK);
        // A transfer an earlier test left running still holds its name's lock (PartLocks is per
        // process, keyed by the directory's inode, which a new temp directory may reuse): end it.
        for (Transfer t : LEFT_RUNNING) t.cancel();
        LEFT_RUNNING.clear();
        this.retryPolicy = new RetryPolicy(config.retries(), () -> 0.0);
        loop.freezeTime();
    }

    Transfer transfer(String url) {
        return transfer(DownloadRequest.of(Urls.parse(url)));
    }

    Transfer transfer(DownloadRequest request) {
        Transfer t = new Transfer(1, request, this);
        LEFT_RUNNING.add(t);
        return t;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    /** Virtual time moves on by {@code d}; timers due by then fire, then what they posted runs. */
    void timePasses(Duration d) {
        loop.advanceTimeBy(d.toNanos(), TimeUnit.NANOSECONDS);
        loop.runScheduledPendingTasks();
        loop.runPendingTasks();
    }

    /** Runs what was posted to the loop. */
    void runPosted() {
        loop.runPendingTasks();
    }

    /** How the last transfer ended, once what was posted to the loop ran (the durable rename comes back that way). */
    Outcome outcome() {
        loop.runPendingTasks();
        return outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
    }

    @Override
    public EngineConfig config() {
        return config;
    }

    @Override
    public Transport transport() {
        throw new UnsupportedOperationException("no network in these tests");
    }

    @Override
    public Exchange exchange(RequestSpec request, ExchangeListener listener) {
        Exchange e = FakeExchanges.detached(request, listener);
        sent.add(new Sent(request, listener, e));
        return e;
    }

    @Override
    public NameReservations names() {
        return names;
    }

    @Override
    public void emit(TransferEvent event) {
        events.add(event);
    }

    /** Whether a transfer that moved to another origin may go on at once (else it queues again). */
    boolean roomAtNewOrigin = true;

    @Override
    public boolean redirected(Transfer t, Origin from, Origin to) {
        return roomAtNewOrigin;
    }

    @Override
    public void ended(Transfer t, Outcome outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void post(Runnable task) {
        loop.eventLoop().execute(task);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return loop.eventLoop().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public boolean tryExtraSlot(Origin origin) {
        return false;
    }

    @Override
    public void releaseExtraSlot(Origin origin) {
    }

    @Override
    public RateLimiter rateLimiter() {
        return null;
    }

    @Override
    public dev.haul.core.Rerun rerun() {
        return rerun;
    }

    @Override
    public dev.haul.core.records.SavedFileLog savedFiles() {
        return savedFiles;
    }

    static EngineConfig config(Path dir) {
        return EngineConfig.defaults(dir);
    }
}
