package dev.haul.it.faults;

import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fault tests check again and again: credentials on every request, bytes that are a true prefix, one clear line. */
final class Faults {
    /** {@code -u USER:PASS} as every fault test passes it, and the header that must reach the origin each time. */
    static final String USER = "fault:pa55";
    static final String BASIC = "Basic ZmF1bHQ6cGE1NQ==";

    private Faults() {}

    /** Every request carried the credentials: a retry or a resume does not lose them. */
    static void assertAuthorizationOnEvery(List<RawHttpServer.Request> requests) {
        assertFalse(requests.isEmpty(), "the server saw no request");
        for (RawHttpServer.Request r : requests) {
            assertEquals(BASIC, r.header("Authorization"), () -> "credentials missing: " + requests);
        }
    }

    /** A plain GET: no Range and no If-Range (a first request, or a restart from zero). */
    static void assertWholeFileAsked(RawHttpServer.Request request) {
        assertNull(request.header("Range"), request::toString);
        assertNull(request.header("If-Range"), request::toString);
    }

    /** A resume: {@code Range: bytes=OFFSET-} with the validator in If-Range. */
    static void assertResumeAsked(RawHttpServer.Request request, long offset, String validator) {
        assertEquals("bytes=" + offset + "-", request.header("Range"), request::toString);
        assertEquals(validator, request.header("If-Range"), request::toString);
    }

    /** The run succeeded and {@code dir} holds exactly {@code name}, with these bytes: no .part or sidecar left. */
    static void assertSavedExactly(HaulProcess.Result run, Path dir, String name, byte[] body) {
        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve(name)));
        assertEquals(java.util.Set.of(name), DirListing.names(dir));
    }

    /** Two requests, credentials on both: the whole file, then the rest from {@code offset} with If-Range. */
    static void assertWholeThenResumed(List<RawHttpServer.Request> requests, long offset, String validator) {
        assertEquals(2, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        assertResumeAsked(requests.get(1), offset, validator);
        assertAuthorizationOnEvery(requests);
    }

    /** The file holds the first bytes of {@code body}, nothing else: what is kept can be continued. */
    static void assertPrefixOf(byte[] body, Path file) {
        byte[] saved = read(file);
        assertTrue(saved.length <= body.length, () -> file + " has " + saved.length + " bytes, the body " + body.length);
        assertEquals(Sha256.of(Arrays.copyOf(body, saved.length)), Sha256.of(saved), () -> file + " is not a prefix of the body");
    }

    /** No file under {@code name} in {@code dir}: a failure never leaves the final name. */
    static void assertNoFinalFile(Path dir, String name) {
        assertFalse(DirListing.names(dir).contains(name), () -> "files: " + DirListing.names(dir));
    }

    /** Exactly one stderr line matches, it says {@code mentions}, and no stack trace was printed. */
    static String assertOneLine(HaulProcess.Result run, Predicate<String> matching, String... mentions) {
        List<String> lines = run.stderrLines().stream().filter(matching).toList();
        assertEquals(1, lines.size(), run::describe);
        for (String m : mentions) {
            assertTrue(lines.get(0).contains(m), () -> "the line names " + m + "\n" + run.describe());
        }
        assertFalse(run.stderr().contains("\tat "), () -> "no stack trace\n" + run.describe());
        assertFalse(run.stderr().contains("Exception"), () -> "no exception names\n" + run.describe());
        return lines.get(0);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
