package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.Urls;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.FakeExchanges;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.ResponseHeads;
import dev.haul.core.transport.Transport;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real {@link Transfer}s for admission tests, on a host that never sends anything: Admission
 * only reads a transfer's id and origin.
 */
final class AdmissionFixtures {
    static final Origin A = origin("http://a.example/");
    static final Origin B = origin("http://b.example/");
    static final Origin C = origin("http://c.example/");

    private AdmissionFixtures() {}

    static Origin origin(String url) {
        return Origin.of(URI.create(url));
    }

    static Transfer transfer(long id, Origin origin, QuietHost host) {
        URI url = Urls.parse(origin + "/file" + id);
        return new Transfer(id, DownloadRequest.of(url), host);
    }

    /** Ids of the transfers admission lets start now, in the order it hands them out. */
    static List<Long> drain(Admission admission) {
        List<Long> ids = new ArrayList<>();
        Transfer t;
        while ((t = admission.next()) != null) ids.add(t.id());
        return ids;
    }

    /**
     * Feeds a transfer a 302 to {@code location} and the end of that response, as the transport
     * would. The host refuses the new origin, so the transfer waits instead of sending a request.
     */
    static void redirect(Transfer t, String location) {
        QuietHost host = (QuietHost) t.host;
        if (t.state() == Lifecycle.State.QUEUED) t.admitted(); // as the Scheduler does when admission says so
        ExchangeListener attempt = host.listeners.get(host.listeners.size() - 1);
        attempt.onResponse(ResponseHeads.of(302, "Location", location));
        attempt.onComplete();
    }

    /** A TransferHost for transfers that are admitted and redirected, but never connect. */
    static final class QuietHost implements TransferHost {
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

        final List<Origin[]> redirects = new ArrayList<>();
        private final EngineConfig config = EngineConfig.defaults(Path.of("unused"));

        @Override
        public EngineConfig config() {
            return config;
        }

        /** The listener of every request sent, in order: the tests play the server through them. */
        final List<ExchangeListener> listeners = new ArrayList<>();
        private final NameReservations names = new NameReservations(Path.of("unused"), config.onExists());

        @Override
        public Transport transport() {
            throw new UnsupportedOperationException("admission tests never connect");
        }

        @Override
        public Exchange exchange(RequestSpec request, ExchangeListener listener) {
            listeners.add(listener);
            return FakeExchanges.detached(request, listener);
        }

        @Override
        public NameReservations names() {
            return names; // asked only whether an earlier run left a .part: none in a missing directory
        }

        @Override
        public void emit(TransferEvent event) {}

        @Override
        public boolean redirected(Transfer t, Origin from, Origin to) {
            redirects.add(new Origin[] {from, to});
            return false; // the test does the admission bookkeeping itself, as the Scheduler would
        }

        @Override
        public void ended(Transfer t, Outcome outcome) {
            throw new AssertionError("transfer " + t.id() + " ended unexpectedly: " + outcome);
        }

        @Override
        public void post(Runnable task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
            throw new UnsupportedOperationException("admission tests set no timers");
        }

        @Override
        public RetryPolicy retryPolicy() {
            throw new UnsupportedOperationException("admission tests never retry");
        }
    }
}
