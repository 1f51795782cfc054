package dev.haul.it.display;

import dev.haul.it.support.DripServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.haul.it.display.HaulShell.SCREEN_TIMEOUT;

/**
 * The live display while the window is resized under it, a finished transfer's line printed
 * above it: after every shrink and grow, however many in a row, the screen shows the block once,
 * that line at most once, and nothing of the frames drawn at the old width.
 */
class DisplayResizeIT {
    private static final int SIZE = 8 * 1024 * 1024; // still running after all the resizes, even on a busy machine
    private static final List<String> NAMES = List.of("alpha-with-a-longer-name.bin", "bravo.bin", "charlie.bin");

    @TempDir
    Path dir;
    private DripServer server;
    private DripServer quick;
    private HaulShell shell;

    @BeforeEach
    void serve() throws Exception {
        server = new DripServer(SIZE, 4096, 50, NAMES.toArray(String[]::new));
        quick = new DripServer(4096, 4096, 50, "early.bin"); // done at once: its line is printed above the display
        shell = new HaulShell(dir, 120, 30);
    }

    @AfterEach
    void stop() throws Exception {
        shell.close();
        server.close();
        quick.close();
    }

    @Test
    void everyShrinkAndGrowRedrawsTheBlockOnceWithNoStaleLine() throws Exception {
        StringBuilder urls = new StringBuilder();
        for (String name : NAMES) urls.append(' ').append(server.url(name));
        shell.type("haul " + quick.url("early.bin") + urls + "; echo $? > code");
        awaitCleanBlock("the first frames at 120 columns");

        shell.pane.resize(50, 30);
        awaitCleanBlock("after a shrink to 50 columns");
        shell.pane.resize(120, 30);
        awaitCleanBlock("after a grow back to 120 columns");
        shell.pane.resize(70, 30);
        shell.pane.resize(40, 30);
        shell.pane.resize(100, 24);
        shell.pane.resize(60, 30);
        awaitCleanBlock("after four resizes in a row");
        shell.pane.resize(120, 30);
        awaitCleanBlock("after the last grow");
    }

    /**
     * Waits until the screen shows exactly one total line and, for each transfer, exactly one
     * row: stale lines of an older frame would show a name or a total line twice (or a piece
     * of a row cut off at the old width, which has no name and shows its speed).
     */
    private void awaitCleanBlock(String when) throws Exception {
        shell.pane.awaitScreen("one clean block " + when, screen -> {
            if (count(screen, "active, ") != 1) return false; // the total line
            for (String name : List.of("bravo.bin", "charlie.bin")) {
                if (count(screen, "(?m)^[ >] " + Pattern.quote(name)) != 1) return false; // its row, not the typed command
            }
            if (count(screen, "(?m)^[ >] alpha") != 1) return false;
            if (count(screen, "(?m)^.*([0-9] (B|KiB|MiB)/s|connecting).*$") > NAMES.size() + 1) return false; // rows and total
            return count(screen, "(?m)^haul: done early\\.bin") <= 1; // the line printed above: never twice
        }, SCREEN_TIMEOUT);
    }

    private static int count(String screen, String regex) {
        Matcher m = Pattern.compile(regex).matcher(screen);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
