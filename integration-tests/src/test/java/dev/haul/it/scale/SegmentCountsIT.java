package dev.haul.it.scale;

import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.it.support.Await;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Json;
import dev.haul.it.support.NettyOrigin;
import dev.haul.it.support.NettyOrigin.Delivery;
import dev.haul.it.support.NettyOrigin.Request;
import dev.haul.it.support.NettyOrigin.Resource;
import dev.haul.it.support.Sha256;
import dev.haul.it.support.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code withConnections(n)} ({@code -x n}) from 1 to 16 connections on one 20 MiB file, in
 * process, against an origin that serves single byte ranges under a strong ETag and counts the
 * requests it is answering at once. haul splits files of at least 2 MiB into ranges of at least
 * 1 MiB, so 20 MiB is split 16 ways at {@code n = 16}. Also: a range cut short is fetched again
 * from where it stopped, and an interrupted segmented download continues from the ranges its
 * sidecar recorded.
 */
class SegmentCountsIT {
    private static final int SIZE = 20 << 20;
    private static final String ETAG = "\"segments-20m\"";
    private static final Duration HOLD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static EngineConfig config(Path dir, int connections) {
        return EngineConfig.defaults(dir).withConnections(connections)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static NettyOrigin origin(String path, byte[] body) {
        Resource file = new Resource(body, ETAG);
        return NettyOrigin.start(p -> p.equals(path) ? file : null);
    }

    /** One download through a fresh engine, to its end. */
    private static Outcome download(EngineConfig config, URI url) throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        try (DownloadEngine engine = DownloadEngine.start(config, e -> {
            if (e instanceof TransferEvent.Finished f) outcome.complete(f.outcome());
        })) {
            engine.submit(DownloadRequest.of(url));
            engine.finishInput();
            return outcome.get(60, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "withConnections({0})")
    @ValueSource(ints = {1, 2, 3, 4, 8, 16})
    void nConnectionsAssembleTheExactFileWithAtMostNAtOnce(int n) throws Exception {
        byte[] body = Bodies.of(2000 + n, SIZE);
        long started = System.nanoTime();
        try (NettyOrigin origin = origin("/x" + n + ".img", body)) {
            if (n > 1) {
                // Bodies wait until n requests are open at once: the file is only complete if haul opens all n.
                origin.holdBodiesUntilInFlight(n, HOLD);
            }
            Outcome outcome = download(config(dir, n), origin.url("/x" + n + ".img"));

            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, outcome, () -> outcome + "; " + origin.requests());
            assertEquals(SIZE, done.bytes());
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("x" + n + ".img")));
            assertEquals(Set.of("x" + n + ".img"), DirListing.names(dir), "no .part or sidecar left");

            List<Request> requests = origin.requests();
            List<Request> plain = requests.stream().filter(r -> !r.ranged()).toList();
            List<Request> ranged = requests.stream().filter(Request::ranged).toList();
            if (n == 1) {
                assertEquals(1, requests.size(), () -> "one plain GET: " + requests);
                assertEquals(List.of(), ranged);
                assertEquals(1, origin.maxInFlight());
            } else {
                assertEquals(1, plain.size(), () -> "only the first request is a plain GET: " + requests);
                assertTrue(ranged.size() >= n - 1, () -> "at least " + (n - 1) + " ranged GETs: " + requests);
                for (Request r : ranged) {
                    assertEquals("GET", r.method(), r::toString);
                    assertEquals(ETAG, r.ifRange(), () -> "If-Range carries the ETag: " + r);
                    assertTrue(r.rangeStart() > 0 && r.rangeEnd() >= r.rangeStart() && r.rangeEnd() < SIZE,
                            () -> "a closed range inside the file: " + r);
                }
                assertTrue(origin.maxInFlight() <= n, () -> "more than " + n + " connections at once for the file: "
                        + origin.maxInFlight() + "; " + requests);
                assertEquals(n, origin.maxInFlight(), () -> "connections at once (" + origin.holdState() + "): " + requests);
            }
            System.out.printf("SegmentCountsIT: -x %d: %d requests, at most %d at once, %d ms%n", n, requests.size(),
                    origin.maxInFlight(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    @Test
    void aRangeCutShortMidWayIsFetchedAgainFromWhereItStopped() throws Exception {
        byte[] body = Bodies.of(3001, SIZE);
        long second = SIZE / 4; // 4 connections: ranges start at 0, 5, 10 and 15 MiB
        int cut = 777_777;
        try (NettyOrigin origin = origin("/cut.img", body)) {
            AtomicBoolean cutOnce = new AtomicBoolean();
            origin.deliveries(r -> r.rangeStart() == second && cutOnce.compareAndSet(false, true)
                    ? new Delivery.CutAfter(cut) : Delivery.WHOLE);

            Outcome outcome = download(config(dir, 4), origin.url("/cut.img"));

            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, outcome, () -> outcome + "; " + origin.requests());
            assertEquals(SIZE, done.bytes());
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("cut.img")));
            assertEquals(Set.of("cut.img"), DirListing.names(dir));
            List<Request> requests = origin.requests();
            System.out.println("SegmentCountsIT: cut at " + (second + cut) + "; requests " + ranges(requests));
            assertTrue(cutOnce.get(), () -> "no range started at " + second + ": " + requests);
            assertEquals(1, requests.stream().filter(r -> !r.ranged()).count(),
                    () -> "the download did not start over: " + requests);
            assertTrue(requests.stream().anyMatch(r -> r.rangeStart() == second + cut),
                    () -> "a request continues the cut range at byte " + (second + cut) + ": " + requests);
            assertEquals(1, requests.stream().filter(r -> r.rangeStart() == second).count(),
                    () -> "the cut range's first bytes are not fetched twice: " + requests);
        }
    }

    @Test
    void anInterruptedSegmentedDownloadContinuesOnlyItsMissingRanges() throws Exception {
        byte[] body = Bodies.of(3002, SIZE);
        long quarter = SIZE / 4;
        int stallAfter = 300_000;
        try (NettyOrigin origin = origin("/resume.img", body)) {
            URI url = origin.url("/resume.img");
            origin.deliveries(r -> new Delivery.StallAfter(stallAfter));

            // First run: every connection gets its first 300,000 bytes, then the server goes quiet; stop.
            CompletableFuture<Outcome> first = new CompletableFuture<>();
            try (DownloadEngine engine = DownloadEngine.start(config(dir, 4), e -> {
                if (e instanceof TransferEvent.Finished f) first.complete(f.outcome());
            })) {
                engine.submit(DownloadRequest.of(url));
                engine.finishInput();
                assertTrue(origin.awaitStalled(4, Duration.ofSeconds(30)), () -> "4 responses sent their first bytes: "
                        + origin.requests());
                Await.until(() -> bytesDone(engine) >= 4L * stallAfter, Duration.ofSeconds(30),
                        () -> "haul to save " + 4L * stallAfter + " bytes; snapshot " + engine.snapshot());
                engine.stop().get(30, TimeUnit.SECONDS);
                assertInstanceOf(Outcome.Cancelled.class, first.get(30, TimeUnit.SECONDS));
            }
            int firstRun = origin.requests().size();
            assertEquals(4, firstRun, () -> "first run: " + origin.requests());
            assertTrue(origin.awaitNoneInFlight(Duration.ofSeconds(30)), "the stopped engine closed its connections");

            List<long[]> saved = List.of(
                    new long[] {0, stallAfter},
                    new long[] {quarter, quarter + stallAfter},
                    new long[] {2 * quarter, 2 * quarter + stallAfter},
                    new long[] {3 * quarter, 3 * quarter + stallAfter});
            Path part = dir.resolve("resume.img.part");
            List<String> meta = Files.readAllLines(dir.resolve("resume.img.part.meta"), StandardCharsets.UTF_8);
            String rangesLine = meta.stream().filter(l -> l.startsWith("ranges=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no ranges= line in the sidecar: " + meta));
            assertEquals("ranges=" + format(saved), rangesLine, () -> "sidecar: " + meta);
            for (long[] r : saved) {
                assertArrayEquals(Arrays.copyOfRange(body, (int) r[0], (int) r[1]), read(part, r[0], (int) (r[1] - r[0])),
                        "saved bytes " + r[0] + "-" + r[1]);
            }

            // Second run: only the gaps are asked for.
            origin.deliveries(r -> Delivery.WHOLE);
            Outcome outcome = download(config(dir, 4), url);

            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, outcome, () -> outcome + "; " + origin.requests());
            assertEquals(SIZE, done.bytes());
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("resume.img")));
            assertEquals(Set.of("resume.img"), DirListing.names(dir), "no .part or sidecar left");

            List<Request> all = origin.requests();
            List<Request> rerun = all.subList(firstRun, all.size());
            assertOnlyGapsAsked(rerun, saved);
        }
    }

    @Test
    void theJarStoppedBySigtermResumesFromItsRecordedRanges() throws Exception {
        byte[] body = Bodies.of(3003, SIZE);
        int n = 8;
        long segment = SIZE / n; // 2.5 MiB each
        int stallAfter = 200_000;
        try (NettyOrigin origin = origin("/term.img", body)) {
            String url = origin.url("/term.img").toString();
            origin.deliveries(r -> new Delivery.StallAfter(stallAfter));

            HaulProcess.Result stopped;
            try (HaulProcess haul = HaulProcess.haul("--json", "-x", String.valueOf(n), "-d", dir.toString(), url).start()) {
                assertTrue(origin.awaitStalled(n, Duration.ofSeconds(30)), () -> n + " responses sent their first bytes: "
                        + origin.requests());
                // haul reports what it saved at most once a second: wait for the report of every byte sent.
                haul.awaitStdoutLine(line -> line.contains("\"event\":\"progress\"")
                        && ((BigDecimal) Json.parseObject(line).get("bytes")).longValueExact() >= (long) n * stallAfter,
                        Duration.ofSeconds(30));
                Signals.send("TERM", haul.pid());
                stopped = haul.awaitExit(Duration.ofSeconds(30));
            }
            assertEquals(143, stopped.exitCode(), stopped::describe);
            int firstRun = origin.requests().size();
            assertEquals(n, firstRun, () -> "first run: " + origin.requests());

            List<long[]> saved = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                saved.add(new long[] {i * segment, i * segment + stallAfter});
            }
            List<String> meta = Files.readAllLines(dir.resolve("term.img.part.meta"), StandardCharsets.UTF_8);
            assertTrue(meta.contains("ranges=" + format(saved)), () -> "sidecar " + meta + ", expected ranges=" + format(saved));
            assertTrue(origin.awaitNoneInFlight(Duration.ofSeconds(30)), "the stopped run closed its connections");

            origin.deliveries(r -> Delivery.WHOLE);
            HaulProcess.Result again = HaulProcess.haul("-x", String.valueOf(n), "-d", dir.toString(), url).run();

            assertEquals(0, again.exitCode(), again::describe);
            assertEquals(List.of(dir.resolve("term.img").toString()), again.stdoutLines(), again::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("term.img")));
            assertEquals(Set.of("term.img"), DirListing.names(dir), "no .part or sidecar left");
            List<Request> all = origin.requests();
            List<Request> rerun = all.subList(firstRun, all.size());
            assertOnlyGapsAsked(rerun, saved);
        }
    }

    /** The rerun asks for every gap between the saved ranges and for no saved byte (but for the first request's open end). */
    private static void assertOnlyGapsAsked(List<Request> rerun, List<long[]> saved) {
        List<long[]> gaps = complement(saved, SIZE);
        System.out.println("SegmentCountsIT: saved " + format(saved) + "; rerun requests " + ranges(rerun));
        assertEquals(gaps.get(0)[0], rerun.get(0).rangeStart(), () -> "the rerun starts at the first gap: " + rerun);
        for (Request r : rerun) {
            assertTrue(r.ranged(), () -> "every rerun request is ranged: " + rerun);
            assertEquals(ETAG, r.ifRange(), r::toString);
            long[] gap = gaps.stream().filter(g -> g[0] <= r.rangeStart() && r.rangeStart() < g[1]).findFirst()
                    .orElseThrow(() -> new AssertionError("asks for saved bytes: " + r + "; saved " + format(saved)));
            if (r.rangeEnd() >= 0) {
                assertTrue(r.rangeEnd() < gap[1], () -> "a closed range runs past its gap into saved bytes: " + r
                        + "; saved " + format(saved));
            }
        }
        assertEquals(1, rerun.stream().filter(r -> r.rangeEnd() < 0).count(),
                () -> "only the first request is open-ended: " + rerun);
        Set<Long> starts = rerun.stream().map(Request::rangeStart).collect(Collectors.toCollection(TreeSet::new));
        for (long[] g : gaps) {
            assertTrue(starts.contains(g[0]), () -> "gap " + g[0] + "-" + g[1] + " is asked for: " + rerun);
        }
    }

    private static long bytesDone(DownloadEngine engine) {
        List<TransferSnapshot> all = engine.snapshot().transfers();
        return all.isEmpty() ? 0 : all.get(0).bytesDone();
    }

    private static List<String> ranges(List<Request> requests) {
        return requests.stream().map(r -> r.ranged() ? r.range() : r.method() + " whole").toList();
    }

    private static String format(List<long[]> ranges) {
        return ranges.stream().map(r -> r[0] + "-" + r[1]).collect(Collectors.joining(","));
    }

    private static List<long[]> complement(List<long[]> saved, long total) {
        List<long[]> gaps = new ArrayList<>();
        long at = 0;
        for (long[] r : saved) {
            if (r[0] > at) gaps.add(new long[] {at, r[0]});
            at = r[1];
        }
        if (at < total) gaps.add(new long[] {at, total});
        return gaps;
    }

    private static byte[] read(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[length];
            f.seek(offset);
            f.readFully(bytes);
            return bytes;
        }
    }
}
