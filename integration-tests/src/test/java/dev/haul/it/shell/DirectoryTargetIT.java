package dev.haul.it.shell;

import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A directory already has the target's name: every --on-exists mode but rename fails that URL
 * with one line before a body is saved (skip must not list a directory as a saved file;
 * overwrite must not fetch the whole body to fail at the rename); rename saves NAME.1.
 */
class DirectoryTargetIT {
    @TempDir
    Path dir;

    private final SmallFiles origin = new SmallFiles();

    @AfterEach
    void stop() {
        origin.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"skip", "overwrite", "fail"})
    void aDirectoryAtTheTargetFailsWithOneLineAndNoPart(String mode) throws Exception {
        Files.createDirectory(dir.resolve("report.txt"));
        Files.writeString(dir.resolve("report.txt/inside"), "untouched");

        HaulProcess.Result run = haul("--on-exists", mode, "-d", dir.toString(), origin.url("/report.txt")).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        List<String> failed = run.stderrLines().stream().filter(l -> l.startsWith("haul: failed ")).toList();
        assertEquals(1, failed.size(), run::describe);
        assertTrue(failed.get(0).contains("report.txt is a directory (--on-exists " + mode), run::describe);
        assertEquals(Set.of("report.txt"), DirListing.names(dir), "no .part, no other file");
        assertEquals("untouched", Files.readString(dir.resolve("report.txt/inside")));
    }

    @Test
    void renameSavesBesideTheDirectory() throws Exception {
        Files.createDirectory(dir.resolve("report.txt"));

        HaulProcess.Result run = haul("-d", dir.toString(), origin.url("/report.txt")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("report.txt.1").toString()), run.stdoutLines(), run::describe);
        assertArrayEquals(SmallFiles.body("/report.txt"), Files.readAllBytes(dir.resolve("report.txt.1")));
        assertTrue(Files.isDirectory(dir.resolve("report.txt")));
    }
}
