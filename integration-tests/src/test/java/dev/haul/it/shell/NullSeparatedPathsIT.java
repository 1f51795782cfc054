package dev.haul.it.shell;

import dev.haul.it.support.HaulProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -0, --null}: saved paths end with NUL, so names with spaces or newlines reach
 * {@code xargs -0} whole; nothing else may share stdout with a body ({@code -o -}).
 */
class NullSeparatedPathsIT {
    @TempDir
    Path dir;

    private final SmallFiles origin = new SmallFiles();

    @AfterEach
    void stop() {
        origin.close();
    }

    @Test
    void eachSavedPathEndsWithNulIncludingOnesKeptBySkip() throws Exception {
        Files.writeString(dir.resolve("kept.txt"), "already here");

        HaulProcess.Result run = haul("-0", "-d", "out", origin.url("/two%20words.txt"), origin.url("/kept.txt")).cwd(dir).run();
        HaulProcess.Result skip = haul("--null", "--on-exists", "skip", origin.url("/kept.txt")).cwd(dir).run();

        assertEquals(0, run.exitCode(), run::describe);
        Set<String> paths = Set.copyOf(Arrays.asList(new String(run.stdout(), StandardCharsets.UTF_8).split("\0")));
        assertEquals(Set.of("out/two words.txt", "out/kept.txt"), paths, run::describe);
        assertTrue(new String(run.stdout(), StandardCharsets.UTF_8).endsWith("\0"), run::describe);
        assertEquals(-1, new String(run.stdout(), StandardCharsets.UTF_8).indexOf('\n'), run::describe);
        assertArrayEquals(SmallFiles.body("/two%20words.txt"), Files.readAllBytes(dir.resolve("out/two words.txt")));

        assertEquals(0, skip.exitCode(), skip::describe);
        assertEquals("kept.txt\0", new String(skip.stdout(), StandardCharsets.UTF_8), skip::describe);
        assertEquals("already here", Files.readString(dir.resolve("kept.txt")));
    }

    @Test
    void jsonOrNulWithTheBodyOnStdoutIsAUsageErrorBeforeAnyRequest() {
        for (String option : new String[] {"--json", "-0"}) {
            HaulProcess.Result run = haul(option, "-o", "-", origin.url("/body.bin")).cwd(dir).run();

            assertEquals(2, run.exitCode(), run::describe);
            assertEquals(0, run.stdout().length, run::describe);
            assertEquals(1, run.stderrLines().size(), run::describe);
            assertTrue(run.stderr().contains("-o -"), run::describe);
        }
        assertEquals(0, origin.server().requests().size(), () -> "requests: " + origin.server().requests());
    }
}
