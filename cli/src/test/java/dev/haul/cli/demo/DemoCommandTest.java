package dev.haul.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.cli.Streams;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo command end to end, on a catalogue of tiny fast files: the real engine against the demo server. */
class DemoCommandTest {
    static final Catalogue SMALL = Catalogue.of(List.of(
            new Resource.Synthetic("a.bin", 50_000, DemoServerTest.FAST),
            new Resource.Synthetic("notes.txt", 3_000, DemoServerTest.FAST),
            new Resource.Failing("broken.iso", 500),
            new Resource.Redirect("latest", "a.bin")));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code haul demo ARGS}, never retrying broken.iso so the test does not wait for back-offs. */
    private int demo(String... args) {
        Streams streams = new Streams(InputStream.nullInputStream(), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-d", dir.toString(), "--retries", "0"}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return new CommandLine(new DemoCommand(streams, SMALL)).execute(all);
    }

    private List<String> stdoutLines() {
        return out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    @Test
    void theDemoSavesEveryGoodFileAndExitsZeroWhenOnlyTheBrokenOneFailed() throws Exception {
        assertEquals(0, demo());
        for (String name : List.of("a.bin", "notes.txt", "latest")) {
            assertEquals(SMALL.sha256(name), DemoServerTest.sha256(Files.readAllBytes(dir.resolve(name))), name);
        }
        assertFalse(Files.exists(dir.resolve("broken.iso")));
        assertEquals(Set.of(dir.resolve("a.bin").toString(), dir.resolve("notes.txt").toString(), dir.resolve("latest").toString()),
                Set.copyOf(stdoutLines()));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("broken.iso answers HTTP 500 every time: it fails on purpose"), messages);
        assertTrue(messages.contains("all 3 files verified by sha256"), messages);
        assertTrue(messages.contains("failed http://127.0.0.1:"), messages);
        assertTrue(messages.contains("the files are in " + dir), messages);
    }

    @Test
    void jsonSummaryExitCodeIsTheStatusTheDemoExitsWith() {
        int status = demo("--json");

        List<String> lines = stdoutLines();
        String summary = lines.get(lines.size() - 1);
        assertEquals(0, status);
        assertTrue(summary.startsWith("{\"event\":\"summary\""), summary);
        assertTrue(summary.contains("\"exit_code\":0"), summary);
    }

    @Test
    void aWrongFileKeptBySkipMakesTheDemoFail() throws Exception {
        Files.writeString(dir.resolve("a.bin"), "not what the server sends");
        assertEquals(1, demo("--on-exists", "skip"));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("verified by sha256"));
    }

    @Test
    void otherHaulOptionsArePassedOnWithTheirValues() {
        assertEquals(0, demo());
        out.reset();
        assertEquals(0, demo("--on-exists", "skip"));
        assertEquals(3, stdoutLines().size(), "skipped files are listed too");
        assertFalse(Files.exists(dir.resolve("a.bin.1")));
    }

    @Test
    void jsonGoesToStdoutAndTheIntroStaysOnStderr() {
        assertEquals(0, demo("--json"));
        List<String> lines = stdoutLines();
        assertFalse(lines.isEmpty());
        for (String line : lines) assertTrue(line.startsWith("{\"event\":"), line);
        assertTrue(lines.get(lines.size() - 1).contains("\"summary\""), lines.get(lines.size() - 1));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("haul demo: "));
    }

    @Test
    void quietLeavesOnlyTheFailure() {
        assertEquals(0, demo("-q"));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertFalse(messages.contains("haul demo:"), messages);
        assertTrue(messages.contains("broken.iso"), messages);
    }
}
