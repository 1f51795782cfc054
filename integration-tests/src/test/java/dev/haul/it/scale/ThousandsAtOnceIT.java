package dev.haul.it.scale;

import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.EngineListener;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.NettyOrigin;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 2,500 distinct files with {@code jobs = 2500}, in process: the origin answers none of them until
 * all 2,500 requests are open at once, so the run only finishes if the engine really holds 2,500
 * transfers in flight on its one loop thread.
 */
class ThousandsAtOnceIT {
    private static final int FILES = 2_500;
    private static final int MAX_SIZE = 8 * 1024;
    /** A client socket, a server socket and a .part file per transfer, and room for the JVM's own. */
    private static final long FDS_NEEDED = 3L * FILES + 1_000;

    @TempDir
    Path dir;

    private record File(String name, byte[] body, String sha256) {}

    private static List<File> files() {
        SplittableRandom sizes = new SplittableRandom(2500);
        return IntStream.range(0, FILES).mapToObj(i -> {
            int size = switch (i) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> MAX_SIZE;
                default -> sizes.nextInt(MAX_SIZE + 1);
            };
            byte[] body = Bodies.of(1_000_000L + i, size);
            return new File(String.format("s%04d.bin", i), body, Sha256.of(body));
        }).toList();
    }

    @Test
    void twoThousandFiveHundredTransfersAreAllInFlightAtOnceOnTheLoopThread() throws Exception {
        long fds = maxFileDescriptors();
        Assumptions.assumeTrue(fds < 0 || fds >= FDS_NEEDED, () -> "this test keeps " + FILES
                + " connections open on both ends at once and needs an open-file limit of at least " + FDS_NEEDED
                + " (ulimit -n); this process has " + fds);

        List<File> files = files();
        Map<String, NettyOrigin.Resource> byPath = new HashMap<>();
        for (File f : files) {
            byPath.put("/many/" + f.name(), new NettyOrigin.Resource(f.body(), null));
        }

        Set<Thread> eventThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger events = new AtomicInteger();
        Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
        EngineListener listener = event -> {
            eventThreads.add(Thread.currentThread());
            events.incrementAndGet();
            if (event instanceof TransferEvent.Finished finished) {
                outcomes.put(finished.transfer().id(), finished.outcome());
            }
        };

        Map<Long, File> byId = new HashMap<>();
        Thread loop;
        long started = System.nanoTime();
        try (NettyOrigin origin = NettyOrigin.start(byPath::get)) {
            origin.holdResponsesUntilInFlight(FILES, Duration.ofSeconds(40));
            try (DownloadEngine engine = DownloadEngine.start(EngineConfig.defaults(dir).withJobs(FILES), listener)) {
                for (File f : files) {
                    byId.put(engine.submit(DownloadRequest.of(origin.url("/many/" + f.name()))), f);
                }
                engine.finishInput();
                engine.whenIdle().get(90, TimeUnit.SECONDS);
                loop = engine.loopThread();
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("ThousandsAtOnceIT: " + FILES + " transfers in " + ms + " ms, at most "
                    + origin.maxInFlight() + " requests in flight; " + origin.holdState());

            assertEquals(FILES, origin.maxInFlight(), () -> "requests in flight at once, most seen (" + origin.holdState() + ")");
            List<NettyOrigin.Request> requests = origin.requests();
            assertEquals(FILES, requests.size(), "one request per file, no retry");
            Set<String> asked = requests.stream().map(NettyOrigin.Request::path).collect(Collectors.toSet());
            assertEquals(byPath.keySet(), asked, "every file asked for exactly once");
        }

        assertEquals(Set.of(loop), eventThreads, "threads that delivered events");
        assertTrue(events.get() >= 2 * FILES, "at least queued and finished per transfer: " + events);
        assertEquals(byId.keySet(), outcomes.keySet(), "one Finished event per transfer");
        for (Map.Entry<Long, File> e : byId.entrySet()) {
            File f = e.getValue();
            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, outcomes.get(e.getKey()),
                    () -> f.name() + ": " + outcomes.get(e.getKey()));
            assertEquals(dir.resolve(f.name()).toAbsolutePath(), done.path().toAbsolutePath(), f.name());
            assertEquals(f.body().length, done.bytes(), f.name());
            assertEquals(f.sha256(), Sha256.of(done.path()), f.name());
        }
        Set<String> names = files.stream().map(File::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, DirListing.names(dir), "exactly the files, no .part or sidecar left");
    }

    /** The open-file limit of this JVM, or -1 where the platform does not say. */
    private static long maxFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }
}
