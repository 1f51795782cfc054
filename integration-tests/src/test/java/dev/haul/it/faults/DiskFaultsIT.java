package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Tmpfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertNoFinalFile;
import static dev.haul.it.faults.Faults.assertOneLine;
import static dev.haul.it.faults.Faults.assertPrefixOf;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disk, not the network, fails: a 1 MiB tmpfs that fills up mid-file, and a read-only mount
 * (root ignores file modes, not a read-only mount). One clear line naming the file, exit 1, no
 * final file; a full disk keeps the .part with the true bytes it holds. Skipped where mounting
 * is not permitted.
 */
class DiskFaultsIT {
    @TempDir
    Path tmp;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static boolean mentions(String line, String words) {
        return line.toLowerCase(Locale.ROOT).contains(words);
    }

    @Test
    void fullDiskFailsWithOneLineNamingTheFileAndKeepsThePart() {
        byte[] body = Bodies.of(901, 2 << 20);
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("small"), "size=1m")) {
            Path dir = disk.dir();
            server = RawHttpServer.start(new RangeOrigin(body, "\"full\"", First.WHOLE, 0));

            HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/big.iso")).run();

            assertEquals(1, run.exitCode(), run::describe);
            assertEquals(List.of(), run.stdoutLines(), run::describe);
            assertOneLine(run, l -> mentions(l, "no space left"), "big.iso");
            assertNoFinalFile(dir, "big.iso");
            Path part = dir.resolve("big.iso.part");
            assertTrue(Files.isRegularFile(part), () -> "the .part is kept: " + DirListing.names(dir));
            assertTrue(Faults.read(part).length > 0, "the .part holds what fitted");
            assertPrefixOf(body, part);
            assertEquals(1, server.requests().size(), () -> "a full disk is not retried: " + server.requests());
            assertAuthorizationOnEvery(server.requests());
        }
    }

    @Test
    void readOnlyDirectoryFailsWithOneClearLine() {
        byte[] body = Bodies.of(902, 50_000);
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("ro"), "ro,size=1m")) {
            Path dir = disk.dir();
            server = RawHttpServer.start(new RangeOrigin(body, "\"ro\"", First.WHOLE, 0));

            HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/report.pdf")).run();

            assertEquals(1, run.exitCode(), run::describe);
            assertEquals(List.of(), run.stdoutLines(), run::describe);
            assertOneLine(run, l -> mentions(l, "read-only") && l.contains(" in " + dir + ": "), "report.pdf");
            assertEquals(Set.of(), DirListing.names(dir));
            assertTrue(server.requests().size() <= 1, () -> "not retried: " + server.requests());
            if (!server.requests().isEmpty()) {
                assertAuthorizationOnEvery(server.requests());
            }
        }
    }
}
