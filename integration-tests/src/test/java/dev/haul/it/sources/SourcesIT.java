package dev.haul.it.sources;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One file from several sources: a list line with several URLs, or --mirror. */
class SourcesIT {
    private static final int SIZE = 8 * 1024 * 1024;

    @TempDir
    Path dir;

    private final List<RawHttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(RawHttpServer::close);
    }

    private RawHttpServer serve(PacedOrigin origin) {
        RawHttpServer s = RawHttpServer.startConcurrent(origin);
        servers.add(s);
        return s;
    }

    private static String deadUrl(String path) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + s.getLocalPort() + path;
        }
    }

    private static List<String> warnings(HaulProcess.Result run) {
        return run.stderrLines().stream().filter(l -> l.contains("dropped source")).toList();
    }

    @Test
    void goodSourcesGiveTheExactFileAndEachBadOneIsDroppedWithOneWarning() throws IOException {
        byte[] body = Bodies.of(51, SIZE);
        RawHttpServer good = serve(new PacedOrigin(body, "\"a\"").pace(r -> new long[] {64 * 1024, 10}));
        RawHttpServer slow = serve(new PacedOrigin(body, "\"b\"").pace(r -> new long[] {64 * 1024, 40}));
        RawHttpServer otherLength = serve(new PacedOrigin(body, "\"c\"").claimingLength(SIZE + 1L));
        PacedOrigin dropping = new PacedOrigin(body, "\"e\"").droppingOnce(r -> true);
        RawHttpServer drops = serve(dropping);
        String dead = deadUrl("/m.img");
        Path list = dir.resolve("list.txt");
        Files.writeString(list, good.url("/m.img") + " " + slow.url("/m.img") + " " + otherLength.url("/m.img") + " "
                + dead + " " + drops.url("/m.img") + " out=mirrored.img sha256=" + Sha256.of(body) + "\n");

        // No retries: a source that fails once is dropped at once, so every fault shows in this run.
        HaulProcess.Result run = haul("-x", "4", "--retries", "0", "-d", dir.resolve("out").toString(),
                "-i", list.toString()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("out/mirrored.img")));
        List<String> warned = warnings(run);
        assertEquals(3, warned.size(), run::describe);
        assertTrue(warned.stream().anyMatch(l -> l.contains(otherLength.url("/m.img"))), run::describe);
        assertTrue(warned.stream().anyMatch(l -> l.contains(dead)), run::describe);
        assertTrue(warned.stream().anyMatch(l -> l.contains(drops.url("/m.img"))), run::describe);
        assertTrue(slow.requests().stream().anyMatch(r -> r.header("Range") != null), "the slow source had a share");
        assertTrue(dropping.dropped(), "the dropping source was cut mid-range");
    }

    @Test
    void noSourceLeftFailsTheFile() throws IOException {
        String first = deadUrl("/x.img");
        String second = deadUrl("/x.img");
        HaulProcess.Result run = haul("--retries", "0", "-d", dir.toString(), first, "--mirror", second).run();
        assertEquals(1, run.exitCode(), run::describe);
        List<String> warned = warnings(run);
        assertEquals(1, warned.size(), run::describe);
        assertTrue(warned.get(0).contains(first), run::describe);
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains("failed")), run::describe);
        assertFalse(Files.exists(dir.resolve("x.img")));
    }

    @Test
    void credentialsGoOnlyToTheirOwnOriginAndStartedListsTheSources() {
        byte[] body = Bodies.of(53, SIZE);
        RawHttpServer first = serve(new PacedOrigin(body, "\"a\"").pace(r -> new long[] {64 * 1024, 5}));
        RawHttpServer withOwnUser = serve(new PacedOrigin(body, "\"b\"").pace(r -> new long[] {64 * 1024, 5}));
        RawHttpServer plain = serve(new PacedOrigin(body, "\"c\"").pace(r -> new long[] {64 * 1024, 5}));
        String mirrorWithUser = withOwnUser.url("/c.img").replace("http://", "http://bob:pw2@");

        HaulProcess.Result run = haul("--json", "-x", "3", "-u", "alice:pw1", "-H", "Cookie: s=1", "-H", "X-Trace: t",
                "-d", dir.toString(), first.url("/c.img"), "--mirror", mirrorWithUser, "--mirror", plain.url("/c.img")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("c.img")));
        String alice = "Basic " + Base64.getEncoder().encodeToString("alice:pw1".getBytes(StandardCharsets.UTF_8));
        String bob = "Basic " + Base64.getEncoder().encodeToString("bob:pw2".getBytes(StandardCharsets.UTF_8));
        for (RawHttpServer s : List.of(first, withOwnUser, plain)) assertFalse(s.requests().isEmpty(), "every source had a share");
        for (RawHttpServer.Request r : first.requests()) {
            assertEquals(alice, r.header("Authorization"));
            assertEquals("s=1", r.header("Cookie"));
        }
        for (RawHttpServer.Request r : withOwnUser.requests()) {
            assertEquals(bob, r.header("Authorization"));
            assertNull(r.header("Cookie"));
            assertEquals("t", r.header("X-Trace"));
        }
        for (RawHttpServer.Request r : plain.requests()) {
            assertNull(r.header("Authorization"));
            assertNull(r.header("Cookie"));
        }
        String started = run.stdoutLines().stream().filter(l -> l.contains("\"event\":\"started\"")).findFirst().orElseThrow();
        assertTrue(started.contains("\"sources\":[\"" + first.url("/c.img") + "\""), started);
        assertTrue(started.contains("***@127.0.0.1"), started);
        assertTrue(started.contains(plain.url("/c.img")), started);
        assertFalse(new String(run.stdout(), StandardCharsets.UTF_8).contains("pw2"));
        assertTrue(run.stderrLines().stream().noneMatch(l -> l.contains("pw2") || l.contains("pw1")));
    }

    @Test
    void mirrorWithSeveralUrlsIsAUsageError() {
        HaulProcess.Result run = haul("--mirror", "http://127.0.0.1:9/a", "http://127.0.0.1:9/b", "http://127.0.0.1:9/c").run();
        assertEquals(2, run.exitCode(), run::describe);
    }
}
