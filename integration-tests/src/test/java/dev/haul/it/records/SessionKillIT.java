package dev.haul.it.records;

import dev.haul.it.support.Await;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --session FILE survives kill -9 at any moment: after each kill FILE names every item not yet
 * saved, the reruns (from FILE alone) save each item exactly once, and FILE ends empty.
 */
class SessionKillIT {
    private static final int ITEMS = 200;
    private final ValidatorOrigin origin = new ValidatorOrigin();
    private final List<byte[]> bodies = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        origin.close();
    }

    private static String name(int i) {
        return String.format("s%03d.bin", i);
    }

    private Path list() throws IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            byte[] body = Bodies.of(1000 + i, 1_000 + (i * 7919) % 40_000);
            bodies.add(body);
            origin.put("/s/" + name(i), new ValidatorOrigin.Resource(body, "\"" + i + "\"", null, false));
            list.append(origin.url("/s/" + name(i))).append(" out=").append(name(i)).append('\n');
        }
        return Files.writeString(dir.resolve("list.txt"), list);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void killedAtRandomPointsAndRerunEveryItemIsSavedExactlyOnce(long seed) throws IOException {
        origin.delay(15); // responses take a moment, so kills land while transfers run
        Path list = list();
        Path out = dir.resolve("out");
        Path session = dir.resolve("queue.session");
        SplittableRandom random = new SplittableRandom(seed);

        runAndKill(List.of("-j", "8", "-q", "-d", out.toString(), "-i", list.toString(), "--session", session.toString()),
                random.nextInt(ITEMS / 2));
        assertSessionNamesEveryUnsavedItem(session, out);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session)));
        for (int round = 0; round < 2; round++) {
            int left = lines(session).size();
            if (left == 0) break;
            runAndKill(List.of("-j", "8", "-q", "-d", out.toString(), "--session", session.toString()), random.nextInt(left));
            assertSessionNamesEveryUnsavedItem(session, out);
        }

        Set<String> savedBefore = new HashSet<>(DirListing.names(out));
        origin.clearRequests();
        HaulProcess.Result last = haul("-j", "8", "-q", "-d", out.toString(), "--session", session.toString())
                .start().awaitExit(Duration.ofSeconds(120));

        assertEquals(0, last.exitCode(), last::describe);
        assertTrue(Files.exists(session), "the session file is left, empty");
        assertEquals(0, Files.size(session), () -> "left in the session: " + lines(session));
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < ITEMS; i++) expected.add(name(i));
        assertEquals(expected, DirListing.names(out), "each item once: no NAME.1, no .part");
        for (int i = 0; i < ITEMS; i++) assertEquals(Sha256.of(bodies.get(i)), Sha256.of(out.resolve(name(i))), name(i));
        for (ValidatorOrigin.Request r : origin.requests()) {
            String asked = r.path().substring("/s/".length());
            assertTrue(!savedBefore.contains(asked), "saved before the last run, yet asked for again: " + asked);
        }
    }

    @Test
    void theSameFileMayBeTheListAndTheSession() throws IOException {
        Path list = list();
        Path out = dir.resolve("out");

        HaulProcess.Result run = haul("-j", "8", "-q", "-d", out.toString(), "-i", list.toString(), "--session", list.toString())
                .start().awaitExit(Duration.ofSeconds(120));

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(ITEMS, DirListing.names(out).size());
        assertEquals(ITEMS, origin.requests().size(), "each item asked for once");
        assertEquals(0, Files.size(list));
    }

    @Test
    void noSecretReachesTheSessionFile() throws IOException {
        origin.remove("/s/missing.bin");
        Path session = dir.resolve("queue.session");
        String withUser = origin.url("/s/missing.bin").replace("http://", "http://alice:hunter2@");

        HaulProcess.Result run = haul("--retries", "0", "-q", "-d", dir.resolve("out").toString(), "--session", session.toString(),
                withUser).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(origin.url("/s/missing.bin")), lines(session), "the failed item stays, without user info");
    }

    /** Runs haul and kills it (SIGKILL) once it listed {@code k} saved files, or at its first request for k = 0. */
    private void runAndKill(List<String> args, int k) {
        int before = origin.requests().size();
        HaulProcess p = haul(args).start();
        try {
            if (k == 0) {
                Await.until(() -> origin.requests().size() > before, Duration.ofSeconds(60), () -> "a first request");
            }
            for (int i = 0; i < k; i++) p.awaitStdoutLine(Duration.ofSeconds(60));
        } catch (AssertionError ended) {
            // the run ended before k lines: nothing left to kill
        } finally {
            p.close(); // SIGKILL
            p.awaitExit(Duration.ofSeconds(30));
        }
    }

    private void assertSessionNamesEveryUnsavedItem(Path session, Path out) {
        Set<String> queued = new HashSet<>(lines(session));
        for (int i = 0; i < ITEMS; i++) {
            if (Files.exists(out.resolve(name(i)))) continue;
            String line = origin.url("/s/" + name(i)) + " out=" + name(i);
            assertTrue(queued.contains(line), "not saved and not in the session: " + name(i));
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
