package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.EngineListener;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine, in process: every event of every transfer comes from its one loop thread. */
class EngineSingleLoopThreadIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void twoHundredTransfersWithSixtyFourJobsReportOnlyOnTheLoopThread() throws Exception {
        List<ServedFile> files = ServedFile.many(210, 100 * 1024);
        files.forEach(f -> f.stubOn(server));
        Set<Thread> eventThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger eventCount = new AtomicInteger();
        Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
        EngineListener listener = event -> {
            eventThreads.add(Thread.currentThread());
            eventCount.incrementAndGet();
            if (event instanceof TransferEvent.Finished finished) {
                outcomes.put(finished.transfer().id(), finished.outcome());
            }
        };

        Map<Long, ServedFile> byId = new HashMap<>();
        Thread loop;
        try (DownloadEngine engine = DownloadEngine.start(EngineConfig.defaults(dir).withJobs(64), listener)) {
            for (ServedFile f : files) {
                byId.put(engine.submit(DownloadRequest.of(URI.create(f.url(server)))), f);
            }
            engine.finishInput();
            engine.whenIdle().get(60, TimeUnit.SECONDS);
            loop = engine.loopThread();
        }

        assertTrue(eventCount.get() >= 2 * files.size(), "at least queued and finished per transfer: " + eventCount);
        assertEquals(1, eventThreads.size(), "threads that delivered events: " + eventThreads);
        assertSame(loop, eventThreads.iterator().next());
        assertEquals(byId.keySet(), outcomes.keySet());
        for (Map.Entry<Long, ServedFile> e : byId.entrySet()) {
            ServedFile f = e.getValue();
            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, outcomes.get(e.getKey()), f.name());
            assertEquals(dir.resolve(f.name()).toAbsolutePath(), done.path().toAbsolutePath(), f.name());
            assertEquals(f.body().length, done.bytes(), f.name());
            assertEquals(f.sha256(), Sha256.of(done.path()), f.name());
        }
        Set<String> names = files.stream().map(ServedFile::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, DirListing.names(dir));
    }
}
