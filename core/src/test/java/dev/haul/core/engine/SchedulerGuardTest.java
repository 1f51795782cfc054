package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.Urls;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.FakeExchanges;
import dev.haul.core.transport.ResponseHeads;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bug inside one transfer's work (here: a response whose headers throw) fails that transfer as
 * INTERNAL; the run still ends, with one failure (exit 1), and the other transfers go on.
 */
class SchedulerGuardTest {
    @TempDir
    Path dir;

    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final List<ExchangeListener> listeners = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    @Test
    void aTransferWhoseCallbackThrowsFailsAndTheRunStillEnds() {
        Scheduler s = new Scheduler(EngineConfig.defaults(dir).withJobs(1), null, loop.eventLoop(), (request, listener) -> {
            listeners.add(listener);
            return FakeExchanges.detached(request, listener);
        }, e -> {
            if (e instanceof TransferEvent.Finished f) outcomes.add(f.outcome());
        });
        s.submit(1, DownloadRequest.of(Urls.parse("http://example.test/caf%C3%A9.txt")));
        s.submit(2, DownloadRequest.of(Urls.parse("http://example.test/next.txt")));
        s.finishInput();

        listeners.get(0).onResponse(ResponseHeads.throwing(new IllegalStateException("injected")));

        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, outcomes.get(0));
        assertEquals(FailureReason.INTERNAL, f.reason());
        assertEquals("internal error: IllegalStateException: injected", f.message());
        assertEquals(2, listeners.size(), "its slot went to the next transfer");
        listeners.get(1).onResponse(ResponseHeads.of(404));
        assertTrue(s.idleFuture().isDone(), "the run ends: nothing hangs");
        assertEquals(2, s.latestSnapshot().failed());
    }
}
