package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.Urls;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.FakeExchanges;
import dev.haul.core.transport.RequestSpec;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping (q, Ctrl-C, SIGTERM) and cancelling all: everything ends, nothing new starts. */
class SchedulerStopTest {
    @TempDir
    Path dir;

    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final List<RequestSpec> requests = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    private Scheduler scheduler(EngineConfig config) {
        return new Scheduler(config, null, loop.eventLoop(), this::send, e -> {
            if (e instanceof TransferEvent.Finished f) outcomes.add(f.outcome());
        });
    }

    private dev.haul.core.transport.Exchange send(RequestSpec request, ExchangeListener listener) {
        requests.add(request);
        return FakeExchanges.detached(request, listener);
    }

    private static DownloadRequest file(int n) {
        return DownloadRequest.of(Urls.parse("http://example.test/file" + n));
    }

    @Test
    void stoppingCancelsEveryTransferWithoutStartingTheQueuedOnes() {
        Scheduler s = scheduler(EngineConfig.defaults(dir).withJobs(1));
        for (int i = 1; i <= 3; i++) s.submit(i, file(i));
        assertEquals(1, requests.size(), "--jobs 1");

        s.stop();

        assertEquals(1, requests.size(), "no queued transfer was let start while stopping");
        assertEquals(3, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o instanceof Outcome.Cancelled), outcomes.toString());
        assertTrue(s.idleFuture().isDone());
    }

    @Test
    void cancellingAllStartsNothingNewEither() {
        Scheduler s = scheduler(EngineConfig.defaults(dir).withJobs(2));
        for (int i = 1; i <= 5; i++) s.submit(i, file(i));

        s.cancelAll();

        assertEquals(2, requests.size());
        assertEquals(5, outcomes.size());
    }

    @Test
    void aRequestSubmittedAfterStopIsIgnored() {
        Scheduler s = scheduler(EngineConfig.defaults(dir));
        s.stop();

        s.submit(1, file(1));

        assertEquals(0, requests.size());
        assertEquals(0, outcomes.size());
    }

    @Test
    void aTransferThatEndsLetsTheNextQueuedOneStart() {
        Scheduler s = scheduler(EngineConfig.defaults(dir).withJobs(1));
        s.submit(1, file(1));
        s.submit(2, file(2));

        s.cancel(1);

        assertEquals(2, requests.size(), "an ordinary end still tops up to --jobs");
        assertEquals("/file2", requests.get(1).url().getPath());
    }
}
