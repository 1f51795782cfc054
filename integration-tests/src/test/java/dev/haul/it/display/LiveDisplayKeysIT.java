package dev.haul.it.display;

import dev.haul.it.support.DripServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar in a real pseudo-terminal (tmux): the live display shows, keys typed at the
 * terminal act on the selected transfer while the URL list comes from standard input, and the
 * terminal is given back in the state it was in.
 */
class LiveDisplayKeysIT {
    private static final Duration SCREEN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final int SIZE = 512 * 1024; // 6.4 s at the drip's pace: keys arrive well before the end

    @TempDir
    Path dir;
    private DripServer server;
    private TmuxPane pane;

    @BeforeEach
    void serveThreeSlowFiles() throws IOException {
        server = new DripServer(SIZE, 4096, 50, "alpha.bin", "bravo.bin", "charlie.bin");
    }

    @AfterEach
    void stop() throws Exception {
        if (pane != null) pane.close();
        server.close();
    }

    @Test
    void jThenCCancelsTheSecondTransferKeepingItsPartWhileTheOthersComplete() throws Exception {
        Files.write(dir.resolve("urls.txt"), List.of(server.url("alpha.bin"), server.url("bravo.bin"), server.url("charlie.bin")));
        pane = start("< urls.txt");
        pane.awaitScreen("three rows and the first selected", s -> s.contains("> alpha.bin") && s.contains("bravo.bin")
                && s.contains("charlie.bin") && s.contains("3 active"), SCREEN_TIMEOUT);

        pane.sendKeys("j");
        pane.awaitScreen("the second row selected", s -> s.contains("> bravo.bin"), SCREEN_TIMEOUT);
        pane.sendKeys("c");

        assertEquals(0, awaitExitCode());
        assertFalse(Files.exists(dir.resolve("bravo.bin")), "a cancelled transfer never appears under its name");
        assertTrue(Files.size(dir.resolve("bravo.bin.part")) > 0, "the cancelled transfer keeps its .part");
        assertTrue(Files.size(dir.resolve("bravo.bin.part")) < SIZE, "cancelled before the end");
        assertEquals(server.sha256("alpha.bin"), sha256(dir.resolve("alpha.bin")));
        assertEquals(server.sha256("charlie.bin"), sha256(dir.resolve("charlie.bin")));
        String screen = pane.capture();
        assertTrue(screen.contains("haul: cancelled " + server.url("bravo.bin")), screen);
        assertTrue(screen.contains("2 done, 0 failed, 1 cancelled"), screen);
    }

    @Test
    void qStopsEverythingWithStatus130AndGivesTheTerminalBack() throws Exception {
        pane = start(server.url("alpha.bin") + " " + server.url("bravo.bin") + " " + server.url("charlie.bin"));
        pane.awaitScreen("the live display", s -> s.contains("3 active"), SCREEN_TIMEOUT);
        // "3 active" shows as soon as the three are admitted, before any byte: a .part is only
        // promised for a transfer that has bytes, so wait until each has some on disk.
        pane.awaitScreen("bytes in all three .part files", s -> hasBytes("alpha.bin.part") && hasBytes("bravo.bin.part")
                && hasBytes("charlie.bin.part"), SCREEN_TIMEOUT);

        pane.sendKeys("q");

        assertEquals(130, awaitExitCode());
        for (String name : List.of("alpha.bin", "bravo.bin", "charlie.bin")) {
            assertFalse(Files.exists(dir.resolve(name)), name);
            assertTrue(Files.exists(dir.resolve(name + ".part")), name + ".part kept");
        }
        String stty = Files.readString(dir.resolve("stty.txt"));
        assertTrue(stty.matches("(?s).*(^|\\s)icanon(\\s|$).*"), "canonical mode back on:\n" + stty);
        assertTrue(stty.matches("(?s).*(^|\\s)echo(\\s|$).*"), "echo back on:\n" + stty);
        assertFalse(stty.contains("-icanon") || stty.matches("(?s).*(^|\\s)-echo(\\s|$).*"), stty);
        assertTrue(pane.capture().contains("haul: 0 done, 0 failed, 3 cancelled"), pane.capture());
    }

    /**
     * Runs haul in the pane with {@code args}, then, from the same shell on the same terminal,
     * records its exit status and the terminal's modes.
     */
    private TmuxPane start(String args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("haul.jar")).toAbsolutePath().toString();
        String script = "cd '" + dir + "' && NO_COLOR=1 '" + java + "' -jar '" + jar + "' " + args
                + "; echo $? > code.tmp && mv code.tmp code; stty -a > stty.txt 2>&1; sleep 600";
        return new TmuxPane(120, 30, "sh -c \"" + script.replace("\"", "\\\"").replace("$", "\\$") + "\"");
    }

    private int awaitExitCode() throws IOException, InterruptedException {
        Path code = dir.resolve("code");
        pane.awaitScreen("haul to exit", s -> Files.exists(code), EXIT_TIMEOUT);
        // stty.txt is written right after the code: wait for it the same way.
        pane.awaitScreen("stty -a to run", s -> Files.exists(dir.resolve("stty.txt")) && sizeOf(dir.resolve("stty.txt")) > 0, SCREEN_TIMEOUT);
        return Integer.parseInt(Files.readString(code).trim());
    }

    private boolean hasBytes(String name) {
        return sizeOf(dir.resolve(name)) > 0;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String sha256(Path file) {
        return Sha256.of(file);
    }
}
