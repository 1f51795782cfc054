package dev.haul.it.display;

import dev.haul.it.support.DripServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.haul.it.display.HaulShell.SCREEN_TIMEOUT;
import static dev.haul.it.display.HaulShell.into;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-\ and SIGHUP on the live display: each stops everything, keeps the .part files, gives the terminal back. */
class TerminalSignalsIT {
    private static final int SIZE = 1024 * 1024;

    @TempDir
    Path dir;
    private DripServer server;
    private HaulShell shell;

    @BeforeEach
    void serve() throws Exception {
        server = new DripServer(SIZE, 4096, 50, "alpha.bin", "bravo.bin");
        shell = new HaulShell(dir, 120, 30);
    }

    @AfterEach
    void stop() throws Exception {
        shell.close();
        server.close();
    }

    @Test
    void ctrlBackslashQuitsWithStatus131KeepingThePartFiles() throws Exception {
        shell.type("haul " + server.url("alpha.bin") + " " + server.url("bravo.bin") + "; echo $? > code");
        shell.pane.awaitScreen("the live display", s -> s.contains("2 active") && HaulShell.someBytes(s), SCREEN_TIMEOUT);

        shell.pane.sendKeys("C-\\");

        assertEquals("131", shell.awaitFile("code"));
        assertPartsKept("alpha.bin", "bravo.bin");
        shell.type(into("stty.txt", "stty -a"));
        assertModesRestored(shell.awaitFile("stty.txt"));
        String screen = shell.pane.capture();
        assertFalse(screen.contains("thread dump"), screen);
        assertTrue(screen.contains("haul: 0 done, 0 failed, 2 cancelled"), screen);
    }

    @Test
    void sighupStopsWithStatus129FlushingThePartFile() throws Exception {
        // Started in the background and brought to the foreground: the display takes the terminal then.
        shell.type("haul " + server.url("alpha.bin") + " & echo $! > pid.tmp; mv pid.tmp pid; fg; echo $? > code");
        String pid = shell.awaitFile("pid");
        shell.pane.awaitScreen("the live display after fg", s -> s.contains("1 active") && HaulShell.someBytes(s), SCREEN_TIMEOUT);

        Process kill = new ProcessBuilder("kill", "-HUP", pid).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -HUP " + pid);

        assertEquals("129", shell.awaitFile("code"));
        assertPartsKept("alpha.bin");
        shell.type(into("stty.txt", "stty -a"));
        assertModesRestored(shell.awaitFile("stty.txt"));
        String screen = shell.pane.capture();
        assertFalse(screen.contains("? keys"), "the display was cleared:\n" + screen);
        assertTrue(screen.contains("haul: 0 done, 0 failed, 1 cancelled"), screen);
    }

    private void assertPartsKept(String... names) throws Exception {
        for (String name : names) {
            assertFalse(Files.exists(dir.resolve(name)), name + " never appears before it is whole");
            long size = Files.size(dir.resolve(name + ".part"));
            assertTrue(size > 0 && size < SIZE, name + ".part kept with the bytes so far: " + size);
        }
    }

    static void assertModesRestored(String stty) {
        assertTrue(stty.matches("(?s).*(^|\\s)icanon(\\s|$).*"), "canonical mode back on:\n" + stty);
        assertTrue(stty.matches("(?s).*(^|\\s)echo(\\s|$).*"), "echo back on:\n" + stty);
        assertTrue(stty.matches("(?s).*(^|\\s)isig(\\s|$).*"), "signals back on:\n" + stty);
    }
}
