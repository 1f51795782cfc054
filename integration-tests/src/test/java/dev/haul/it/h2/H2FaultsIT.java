package dev.haul.it.h2;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.NettyOrigin;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes wrong over h2: resets, GOAWAY, stalls, huge headers, a server that does not speak h2, redirects to HTTP/1.1. */
class H2FaultsIT {
    @TempDir
    Path dir;
    @TempDir
    Path certs;

    @Test
    void aStreamResetMidBodyIsRetriedAndResumedWithIfRange() {
        byte[] body = Bodies.of(4001, 600_000);
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.serve("/r.bin", body);
            origin.plan(r -> r.range() == null ? new H2Origin.Plan.ResetAfter(200_000) : H2Origin.Plan.WHOLE);
            HaulProcess.Result run = haul(origin.haulArgs(dir, origin.url("/r.bin"))).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("r.bin")));
            List<H2Origin.Request> reqs = origin.requests();
            assertEquals(2, reqs.size(), reqs::toString);
            assertTrue(reqs.get(1).range() != null && !reqs.get(1).range().equals("bytes=0-"), reqs::toString);
            assertEquals(Answer.etag(body), reqs.get(1).ifRange());
            assertTrue(run.stdoutLines().stream().anyMatch(l -> l.contains("\"event\":\"retry\"")), run::describe);
        }
    }

    @Test
    void goAwayFinishesTheStreamsBelowItsLastIdAndRetriesTheOthersOnANewConnection() {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.goAwayOnFirstConnection(4, 2);
            List<String> a = origin.haulArgs(dir, "-j", "4");
            for (int i = 0; i < 4; i++) {
                origin.serve("/g" + i + ".bin", Bodies.of(5000 + i, 300_000));
                a.add(origin.url("/g" + i + ".bin"));
            }
            HaulProcess.Result run = haul(a).run();

            assertEquals(0, run.exitCode(), run::describe);
            for (int i = 0; i < 4; i++) {
                assertEquals(Sha256.of(Bodies.of(5000 + i, 300_000)), Sha256.of(dir.resolve("g" + i + ".bin")));
            }
            assertEquals(2, origin.connectionsAccepted());
            List<H2Origin.Request> reqs = origin.requests();
            assertEquals(6, reqs.size(), "2 answered on the first connection, 2 refused there and sent again: " + reqs);
            assertEquals(2, reqs.stream().filter(r -> r.connection() == 2).count(), reqs::toString);
            assertFalse(run.stdoutLines().stream().anyMatch(l -> l.contains("\"event\":\"retry\"")),
                    () -> "a refused stream is not a failed attempt\n" + run.describe());
        }
    }

    @Test
    void aConnectionDroppedWithManyStreamsOpenRetriesAndResumesEachOfThem() {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.holdUntilInFlight(4); // all four streams are open on the first connection when it drops
            origin.plan(r -> r.connection() == 1 && r.path().equals("/d0.bin")
                    ? new H2Origin.Plan.DropConnectionAfter(100_000) : H2Origin.Plan.WHOLE);
            List<String> a = origin.haulArgs(dir, "-j", "4");
            for (int i = 0; i < 4; i++) {
                origin.serve("/d" + i + ".bin", Bodies.of(5100 + i, 4 << 20));
                a.add(origin.url("/d" + i + ".bin"));
            }
            HaulProcess.Result run = haul(a).run();

            assertEquals(0, run.exitCode(), run::describe);
            for (int i = 0; i < 4; i++) {
                assertEquals(Sha256.of(Bodies.of(5100 + i, 4 << 20)), Sha256.of(dir.resolve("d" + i + ".bin")));
            }
            assertTrue(origin.connectionsAccepted() >= 2, "the retries came on a new connection");
            assertTrue(origin.requests().stream().anyMatch(r -> r.connection() > 1 && r.path().equals("/d0.bin")
                    && r.range() != null), () -> "d0 resumed with a Range: " + origin.requests());
        }
    }

    @Test
    void aStalledStreamTimesOutAndResumes() {
        byte[] body = Bodies.of(4002, 300_000);
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.serve("/st.bin", body);
            origin.plan(r -> r.range() == null ? new H2Origin.Plan.StallAfter(100_000) : H2Origin.Plan.WHOLE);
            HaulProcess.Result run = haul(origin.haulArgs(dir, "--stall-timeout", "1", origin.url("/st.bin"))).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("st.bin")));
            assertTrue(run.stderr().contains("no data received"), run::describe);
            List<H2Origin.Request> reqs = origin.requests();
            // A loaded machine may stall a retry too: what matters is that every retry resumed.
            assertTrue(reqs.size() >= 2 && reqs.subList(1, reqs.size()).stream().allMatch(r -> r.range() != null), reqs::toString);
        }
    }

    @Test
    void anOversizedResponseHeaderFailsWithOneClearLine() {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.serve("/big-head.bin", Bodies.of(4003, 1000));
            origin.plan(r -> new H2Origin.Plan.HugeHeader(200_000));
            String url = origin.url("/big-head.bin");
            HaulProcess.Result run = haul(origin.haulArgs(dir, "--retries", "0", url)).run();

            assertEquals(1, run.exitCode(), run::describe);
            assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(url) && l.contains("header")), run::describe);
            assertFalse(run.stderr().contains("\tat "), run::describe);
            assertFalse(Files.exists(dir.resolve("big-head.bin")));
        }
    }

    @Test
    void http2PriorKnowledgeAgainstAnHttp11OnlyServerFailsThatUrlClearly() throws Exception {
        try (NettyOrigin h1 = NettyOrigin.start(p -> new NettyOrigin.Resource(Bodies.of(4004, 1000), null))) {
            String url = h1.url("/x.bin").toString();
            HaulProcess.Result run = haul("-d", dir.toString(), "--http2", url).run();

            assertEquals(1, run.exitCode(), run::describe);
            assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(url) && l.contains("does not speak HTTP/2")),
                    run::describe);
            assertFalse(run.stderr().contains("retrying"), run::describe);
            assertFalse(run.stderr().contains("\tat "), run::describe);
        }
    }

    @Test
    void aRedirectFromH2ToAnHttp11OriginIsFollowed() throws Exception {
        byte[] body = Bodies.of(4005, 100_000);
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100);
             NettyOrigin h1 = NettyOrigin.start(p -> new NettyOrigin.Resource(body, "\"e\""))) {
            String target = h1.url("/target.bin").toString();
            origin.plan(r -> new H2Origin.Plan.Redirect(target));
            HaulProcess.Result run = haul(origin.haulArgs(dir, origin.url("/moved.bin"))).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("moved.bin")));
            assertEquals("h2", origin.requests().get(0).protocol());
            assertTrue(run.stdoutLines().stream().anyMatch(l -> l.contains("\"protocol\":\"http/1.1\"")), run::describe);
        }
    }
}
