package dev.haul.it.display;

import dev.haul.it.support.DripServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.haul.it.display.HaulShell.SCREEN_TIMEOUT;
import static dev.haul.it.display.HaulShell.into;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar under a real shell's job control (bash -i in tmux): Ctrl-Z gives the terminal
 * back and stops haul, fg brings the display back and the download ends exact; started with
 * {@code &}, haul runs on without touching the terminal's modes.
 */
class JobControlIT {
    private static final int SIZE = 1024 * 1024; // ~13 s at the drip's pace: a stop and a fg fit in

    @TempDir
    Path dir;
    private DripServer server;
    private HaulShell shell;

    @AfterEach
    void stop() throws Exception {
        if (shell != null) shell.close();
        if (server != null) server.close();
    }

    @Test
    void ctrlZRestoresTheTerminalAndStopsHaulAndFgBringsTheDisplayBack() throws Exception {
        server = new DripServer(SIZE, 4096, 50, "alpha.bin");
        shell = new HaulShell(dir, 120, 30);
        shell.type("haul --stall-timeout 2 " + server.url("alpha.bin"));
        shell.pane.awaitScreen("the live display", s -> s.contains("1 active") && HaulShell.someBytes(s), SCREEN_TIMEOUT);

        shell.pane.sendKeys("C-z");
        shell.pane.awaitScreen("the shell to report haul stopped", s -> s.contains("Stopped"), SCREEN_TIMEOUT);
        shell.type(into("stty.txt", "stty -a") + "; " + into("jobs.txt", "jobs -l"));
        String stty = shell.awaitFile("stty.txt");
        assertModesRestored(stty);
        assertTrue(shell.awaitFile("jobs.txt").contains("Stopped"), "haul is a stopped job");
        String stopped = shell.pane.capture();
        assertFalse(stopped.contains("? keys"), "the display was erased:\n" + stopped);

        // Stopped longer than the stall timeout: the transfer is retried, and still saved exact.
        shell.pane.awaitScreen("a stop longer than the stall timeout", s -> waited(4), SCREEN_TIMEOUT);
        shell.type("fg; echo $? > code"); // fg's status is the job's, once it ends
        shell.pane.awaitScreen("the display back after fg", s -> s.contains("1 active") && s.contains("? keys"), SCREEN_TIMEOUT);
        shell.pane.sendKeys("j"); // keys work again: nothing is echoed and nothing breaks

        assertEquals("0", shell.awaitFile("code"));
        assertEquals(server.sha256("alpha.bin"), dev.haul.it.support.Sha256.of(Files.readAllBytes(dir.resolve("alpha.bin"))));
        shell.type(into("stty-after.txt", "stty -a"));
        assertModesRestored(shell.awaitFile("stty-after.txt"));
    }

    @Test
    void startedInTheBackgroundHaulIsNotStoppedAndLeavesTheModesAlone() throws Exception {
        server = new DripServer(256 * 1024, 4096, 50, "bravo.bin");
        shell = new HaulShell(dir, 120, 30);
        shell.type("stty -g > before.txt; haul " + server.url("bravo.bin") + " > out.txt &");
        shell.pane.awaitScreen("a plain line from haul", s -> s.contains("haul: started " + server.url("bravo.bin")), SCREEN_TIMEOUT);
        shell.type(into("after.txt", "stty -g") + "; " + into("jobs.txt", "jobs -l"));
        assertEquals(Files.readString(dir.resolve("before.txt")).trim(), shell.awaitFile("after.txt"), "modes untouched");
        String jobs = shell.awaitFile("jobs.txt");
        assertTrue(jobs.contains("Running"), jobs);

        shell.type("wait %1; echo $? > code");
        assertEquals("0", shell.awaitFile("code"));
        assertEquals(server.sha256("bravo.bin"), dev.haul.it.support.Sha256.of(Files.readAllBytes(dir.resolve("bravo.bin"))));
        String screen = shell.pane.capture();
        assertFalse(screen.contains("Stopped"), screen);
        assertFalse(screen.contains("? keys"), "no live display in the background:\n" + screen);
        assertTrue(screen.contains("haul: done "), screen);
    }

    private static void assertModesRestored(String stty) {
        assertTrue(stty.matches("(?s).*(^|\\s)icanon(\\s|$).*"), "canonical mode back on:\n" + stty);
        assertTrue(stty.matches("(?s).*(^|\\s)echo(\\s|$).*"), "echo back on:\n" + stty);
        assertTrue(stty.matches("(?s).*(^|\\s)isig(\\s|$).*"), "signals back on:\n" + stty);
    }

    private long stoppedAt;

    /** True once {@code seconds} have passed since the first call: a condition to poll, not a sleep. */
    private boolean waited(int seconds) {
        long now = System.nanoTime();
        if (stoppedAt == 0) stoppedAt = now;
        return now - stoppedAt >= seconds * 1_000_000_000L;
    }
}
