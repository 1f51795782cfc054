package dev.haul.it.sources;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sidecar of a file with several sources records them: a rerun resumes from all of them. */
class SourcesResumeIT {
    private static final int SIZE = 8 * 1024 * 1024;

    @TempDir
    Path dir;

    private RawHttpServer first;
    private RawHttpServer mirror;

    @AfterEach
    void stop() {
        if (first != null) first.close();
        if (mirror != null) mirror.close();
    }

    @Test
    void aRerunOfTheFirstUrlAloneResumesFromTheRecordedSources() throws Exception {
        byte[] body = Bodies.of(71, SIZE);
        PacedOrigin a = new PacedOrigin(body, "\"a\"").pace(r -> new long[] {16 * 1024, 100});
        PacedOrigin b = new PacedOrigin(body, "\"b\"").pace(r -> new long[] {16 * 1024, 100});
        first = RawHttpServer.startConcurrent(a);
        mirror = RawHttpServer.startConcurrent(b);
        String mirrorUrl = mirror.url("/r.img").replace("http://", "http://bob:secret@");

        HaulProcess.Result stopped;
        try (HaulProcess haul = haul("--json", "-d", dir.toString(), first.url("/r.img"), "--mirror", mirrorUrl).start()) {
            haul.awaitStdoutLine(line -> line.contains("\"event\":\"started\""), Duration.ofSeconds(30));
            assertTrue(mirror.awaitRequests(1, Duration.ofSeconds(30)), "the mirror was asked for a range");
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(haul.pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
            stopped = haul.awaitExit(Duration.ofSeconds(30));
        }
        assertEquals(143, stopped.exitCode(), stopped::describe);
        String sidecar = Files.readString(dir.resolve("r.img.part.meta"));
        assertTrue(sidecar.contains("sources=") && sidecar.contains(mirror.url("/r.img")), sidecar);
        assertFalse(sidecar.contains("secret") || sidecar.contains("bob"), sidecar);

        int mirrorAsked = mirror.requests().size();
        a.pace(r -> new long[] {64 * 1024, 2});
        b.pace(r -> new long[] {64 * 1024, 2});
        HaulProcess.Result again = haul("-d", dir.toString(), first.url("/r.img")).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("r.img")));
        assertTrue(mirror.requests().size() > mirrorAsked, "the rerun used the recorded mirror too");
        assertTrue(mirror.requests().subList(mirrorAsked, mirror.requests().size()).stream()
                .allMatch(r -> r.header("Range") != null), "the mirror only continued ranges");
    }
}
