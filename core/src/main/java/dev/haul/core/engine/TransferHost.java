package dev.haul.core.engine;

import dev.haul.core.EngineConfig;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.Transport;

/** What a transfer needs from the engine around it. All calls on the loop. */
interface TransferHost {
    EngineConfig config();

    Transport transport();

    /** Sends a request; the listener hears of its response on the loop. Tests put a fake here. */
    default Exchange exchange(RequestSpec request, ExchangeListener listener) {
        return transport().exchange(request, listener);
    }

    NameReservations names();

    void emit(TransferEvent event);

    /** A redirect took the transfer to another origin: re-count it, or queue it if that origin is full. */
    boolean redirected(Transfer t, Origin from, Origin to);

    /** The transfer reached a final state. */
    void ended(Transfer t, Outcome outcome);

    /** Runs a task on the loop soon (used when another thread hands control back). */
    void post(Runnable task);

    /** Runs a task on the loop after a delay; cancellable. */
    io.netty.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delayMillis);

    RetryPolicy retryPolicy();

    /** Takes one more --per-host slot for an extra connection of a segmented download; false when full. */
    boolean tryExtraSlot(Origin origin);

    void releaseExtraSlot(Origin origin);

    /** The --limit-rate bucket, or null when there is no limit. */
    RateLimiter rateLimiter();

    /** What this run does with files it saved before (rerun rule, -N). */
    default dev.haul.core.Rerun rerun() {
        return dev.haul.core.Rerun.OFF;
    }

    /** The records of the files saved in the output directory. */
    default dev.haul.core.records.SavedFileLog savedFiles() {
        return dev.haul.core.records.SavedFileLog.inMemory();
    }
}
