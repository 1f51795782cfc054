package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The everyday surface: help, version, demo, completion, and quiet, plain output off a terminal. */
class CliBasicsIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void versionNamesHaulAndItsNumberAndExitsZero() {
        HaulProcess.Result run = haul("-V").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdoutLines().get(0).matches("haul .*\\d.*"), run::describe);
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        HaulProcess.Result run = haul("--help").run();

        assertEquals(0, run.exitCode(), run::describe);
        String help = String.join("\n", run.stdoutLines());
        for (String option : List.of("--dir", "--input-file", "--jobs", "--on-exists", "--json", "--sha256")) {
            assertTrue(help.contains(option), () -> option + " missing from help\n" + help);
        }
    }

    @Test
    void demoSavesFilesFromItsEmbeddedServer() {
        // The whole demo takes about 25 s on purpose (a throttled file); the first saved file proves it works.
        try (HaulProcess demo = haul("demo", "-d", dir.toString()).start()) {
            String first = demo.awaitStdoutLine(Duration.ofSeconds(30));
            assertTrue(first.startsWith(dir.toString()), first);
            assertTrue(Files.isRegularFile(Path.of(first)), first);
        }
    }

    @Test
    void bashCompletionIsAScriptThatRegistersHaul() {
        HaulProcess.Result run = haul("completion", "bash").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdoutLines().stream().anyMatch(l -> l.contains("complete") && l.contains("haul")), run::describe);
    }

    @Test
    void quietSuccessPrintsNothingOnStderr() {
        ServedFile file = ServedFile.of("q.bin", 61, 1_000).stubOn(server);

        HaulProcess.Result run = haul("-q", "-d", dir.toString(), file.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("", run.stderr(), run::describe);
    }

    @Test
    void quietFailureStillPrintsTheError() {
        String missing = LoopbackServer.baseUrl(server) + "/nothing-here.bin";

        HaulProcess.Result run = haul("-q", "-d", dir.toString(), missing).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(missing)), run::describe);
    }

    @Test
    void stderrOffATerminalHasNoEscapeCodesAndNamesTheTransfer() {
        ServedFile file = ServedFile.of("plain.bin", 62, 5_000).stubOn(server);

        HaulProcess.Result run = haul("-d", dir.toString(), file.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertFalse(run.stderr().contains("\u001b"), run::describe);
        assertTrue(run.stderr().contains("plain.bin"), run::describe);
    }
}
