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
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The host as one transfer's helpers see it: the same, except that the tasks they post or
 * schedule run under that transfer's guard, so an exception there fails the transfer instead of
 * vanishing into the loop's log. On the loop.
 */
final class GuardedHost implements TransferHost {
    private final TransferHost host;
    private final Transfer transfer;

    GuardedHost(TransferHost host, Transfer transfer) {
        this.host = host;
        this.transfer = transfer;
    }

    @Override
    public void post(Runnable task) {
        host.post(() -> transfer.guard(task));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return host.schedule(() -> transfer.guard(task), delayMillis);
    }

    @Override
    public EngineConfig config() {
        return host.config();
    }

    @Override
    public Transport transport() {
        return host.transport();
    }

    @Override
    public Exchange exchange(RequestSpec request, ExchangeListener listener) {
        return host.exchange(request, listener);
    }

    @Override
    public NameReservations names() {
        return host.names();
    }

    @Override
    public void emit(TransferEvent event) {
        host.emit(event);
    }

    @Override
    public boolean redirected(Transfer t, Origin from, Origin to) {
        return host.redirected(t, from, to);
    }

    @Override
    public void ended(Transfer t, Outcome outcome) {
        host.ended(t, outcome);
    }

    @Override
    public RetryPolicy retryPolicy() {
        return host.retryPolicy();
    }

    @Override
    public boolean tryExtraSlot(Origin origin) {
        return host.tryExtraSlot(origin);
    }

    @Override
    public void releaseExtraSlot(Origin origin) {
        host.releaseExtraSlot(origin);
    }

    @Override
    public RateLimiter rateLimiter() {
        return host.rateLimiter();
    }

    @Override
    public dev.haul.core.Rerun rerun() {
        return host.rerun();
    }

    @Override
    public dev.haul.core.records.SavedFileLog savedFiles() {
        return host.savedFiles();
    }
}
