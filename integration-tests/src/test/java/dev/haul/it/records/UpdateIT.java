package dev.haul.it.records;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -N asks whether each saved file changed and moves bytes only for those that did. */
class UpdateIT {
    private static final Instant PAST = Instant.parse("2001-02-03T04:05:06Z");
    private static final Instant FUTURE = Instant.parse("2101-02-03T04:05:06Z");

    private final ValidatorOrigin origin = new ValidatorOrigin();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        origin.close();
    }

    private String url() {
        return origin.url("/data.bin");
    }

    private Path saved() {
        return dir.resolve("data.bin");
    }

    private HaulProcess.Result update() {
        return haul("-N", "--json", "-d", dir.toString(), url()).run();
    }

    private static long inode(Path p) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
    }

    private static String doneEvent(HaulProcess.Result r) {
        return r.stdoutLines().stream().filter(l -> l.contains("\"event\":\"done\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no done event\n" + r.describe()));
    }

    @Test
    void a304KeepsTheFileUntouchedAndCountsAsUnchanged() throws IOException {
        byte[] body = Bodies.of(1, 30_000);
        origin.put("/data.bin", new ValidatorOrigin.Resource(body, "\"one\"", PAST, true));
        assertEquals(0, haul("-d", dir.toString(), url()).run().exitCode());
        long inode = inode(saved());
        origin.clearRequests();

        HaulProcess.Result run = haul("-N", "-d", dir.toString(), url()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(saved().toString()), run.stdoutLines());
        ValidatorOrigin.Request asked = origin.requests().get(0);
        assertEquals("\"one\"", asked.ifNoneMatch());
        assertEquals(ValidatorOrigin.HTTP_DATE.format(PAST), asked.ifModifiedSince());
        assertEquals(1, origin.requests().size());
        assertEquals(inode, inode(saved()));
        assertEquals(Sha256.of(body), Sha256.of(saved()));
        assertTrue(run.stderr().contains("0 done, 1 unchanged"), run::describe);

        HaulProcess.Result json = update();
        assertTrue(doneEvent(json).contains("\"unchanged\":true"), json::describe);
    }

    @Test
    void a200WithTheSameEtagAndLengthIsNotRewritten() throws IOException {
        byte[] body = Bodies.of(2, 200_000);
        origin.put("/data.bin", new ValidatorOrigin.Resource(body, "\"same\"", null, false));
        assertEquals(0, haul("-d", dir.toString(), url()).run().exitCode());
        long inode = inode(saved());
        Instant mtime = Files.getLastModifiedTime(saved()).toInstant();

        HaulProcess.Result run = update();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(doneEvent(run).contains("\"unchanged\":true"), run::describe);
        assertEquals(inode, inode(saved()));
        assertEquals(mtime, Files.getLastModifiedTime(saved()).toInstant());
        assertEquals(Set.of("data.bin"), DirListing.names(dir));
    }

    @Test
    void a200WithANewEtagReplacesTheFileUnderItsName() throws IOException {
        origin.put("/data.bin", new ValidatorOrigin.Resource(Bodies.of(3, 20_000), "\"old\"", null, true));
        assertEquals(0, haul("-d", dir.toString(), url()).run().exitCode());
        byte[] newer = Bodies.of(33, 25_000);
        origin.put("/data.bin", new ValidatorOrigin.Resource(newer, "\"new\"", null, true));
        origin.clearRequests();

        HaulProcess.Result run = update();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("\"old\"", origin.requests().get(0).ifNoneMatch());
        assertFalse(doneEvent(run).contains("\"unchanged\""), run::describe);
        assertEquals(Sha256.of(newer), Sha256.of(saved()));
        assertEquals(Set.of("data.bin"), DirListing.names(dir));

        origin.clearRequests();
        HaulProcess.Result again = update();
        assertEquals("\"new\"", origin.requests().get(0).ifNoneMatch(), "the new version's ETag was recorded");
        assertTrue(doneEvent(again).contains("\"unchanged\":true"), again::describe);
    }

    @Test
    void aServerWithoutValidatorsIsAlwaysAskedForTheWholeFile() throws IOException {
        origin.put("/data.bin", new ValidatorOrigin.Resource(Bodies.of(4, 10_000), null, null, true));
        assertEquals(0, haul("-d", dir.toString(), url()).run().exitCode());
        byte[] sameLength = Bodies.of(44, 10_000);
        origin.put("/data.bin", new ValidatorOrigin.Resource(sameLength, null, null, true));
        origin.clearRequests();

        HaulProcess.Result run = update();

        assertEquals(0, run.exitCode(), run::describe);
        assertNull(origin.requests().get(0).ifNoneMatch());
        assertFalse(doneEvent(run).contains("\"unchanged\""), run::describe);
        assertEquals(Sha256.of(sameLength), Sha256.of(saved()));
        assertEquals(Set.of("data.bin"), DirListing.names(dir));
    }

    @Test
    void aLastModifiedInThePastBecomesTheFilesTimeAndIsAskedAbout() throws IOException {
        byte[] body = Bodies.of(5, 5_000);
        origin.put("/data.bin", new ValidatorOrigin.Resource(body, null, PAST, true));
        assertEquals(0, haul("-d", dir.toString(), url()).run().exitCode());
        assertEquals(PAST, Files.getLastModifiedTime(saved()).toInstant());
        origin.clearRequests();

        HaulProcess.Result run = update();

        assertEquals(ValidatorOrigin.HTTP_DATE.format(PAST), origin.requests().get(0).ifModifiedSince());
        assertTrue(doneEvent(run).contains("\"unchanged\":true"), run::describe);
        assertEquals(PAST, Files.getLastModifiedTime(saved()).toInstant());

        byte[] later = Bodies.of(55, 5_001);
        origin.put("/data.bin", new ValidatorOrigin.Resource(later, null, PAST.plusSeconds(3600), true));
        HaulProcess.Result changed = update();
        assertFalse(doneEvent(changed).contains("\"unchanged\""), changed::describe);
        assertEquals(Sha256.of(later), Sha256.of(saved()));
        assertEquals(PAST.plusSeconds(3600), Files.getLastModifiedTime(saved()).toInstant());
    }

    @Test
    void aLastModifiedInTheFutureIsKeptAsItIsAndAskedAbout() throws IOException {
        byte[] body = Bodies.of(6, 5_000);
        origin.put("/data.bin", new ValidatorOrigin.Resource(body, null, FUTURE, true));
        assertEquals(0, haul("-d", dir.toString(), url()).run().exitCode());
        assertEquals(FUTURE, Files.getLastModifiedTime(saved()).toInstant());
        origin.clearRequests();

        HaulProcess.Result run = update();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(ValidatorOrigin.HTTP_DATE.format(FUTURE), origin.requests().get(0).ifModifiedSince());
        assertTrue(doneEvent(run).contains("\"unchanged\":true"), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(saved()));
    }

    @Test
    void aFileNotThereYetIsSimplyDownloaded() {
        byte[] body = Bodies.of(7, 7_000);
        origin.put("/data.bin", new ValidatorOrigin.Resource(body, "\"x\"", PAST, true));

        HaulProcess.Result run = update();

        assertEquals(0, run.exitCode(), run::describe);
        assertNull(origin.requests().get(0).ifNoneMatch());
        assertNull(origin.requests().get(0).ifModifiedSince());
        assertEquals(Sha256.of(body), Sha256.of(saved()));
    }
}
