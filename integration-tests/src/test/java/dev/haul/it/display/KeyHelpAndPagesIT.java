package dev.haul.it.display;

import dev.haul.it.support.DripServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.haul.it.display.HaulShell.SCREEN_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key help on {@code ?}, the page and end keys over a long list, and the add-URL prompt's second chance. */
class KeyHelpAndPagesIT {
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
    void questionMarkShowsTheKeysAndAnyKeyTakesThemAway() throws Exception {
        server = new DripServer(1024 * 1024, 4096, 50, "alpha.bin");
        shell = new HaulShell(dir, 100, 30);
        shell.type("haul " + server.url("alpha.bin") + "; echo $? > code");
        shell.pane.awaitScreen("the live display", s -> s.contains("1 active") && s.contains("? keys"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("?");
        shell.pane.awaitScreen("the key help", s -> s.contains("PgUp PgDn") && s.contains("Ctrl-Z") && s.contains("1 active"), SCREEN_TIMEOUT);
        shell.pane.sendKeys("x");
        shell.pane.awaitScreen("the rows back", s -> !s.contains("PgUp PgDn") && s.matches("(?s).*\n[ >] alpha\\.bin.*"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("q");
        assertEquals("130", shell.awaitFile("code"));
    }

    @Test
    void pageDownAndEndKeysMoveTheSelectionAndTheListScrollsToIt() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 40; i++) names.add(String.format("f%02d.bin", i));
        server = new DripServer(1024 * 1024, 4096, 50, names.toArray(String[]::new));
        Files.write(dir.resolve("urls.txt"), names.stream().map(server::url).toList());
        shell = new HaulShell(dir, 100, 16);
        shell.type("haul -j 40 -i urls.txt; echo $? > code");
        shell.pane.awaitScreen("forty rows, the first selected", s -> s.contains("40 active") && s.contains("> f01.bin"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("G");
        shell.pane.awaitScreen("the last row selected and in view", s -> s.contains("> f40.bin") && !s.contains("f01.bin"), SCREEN_TIMEOUT);
        shell.pane.sendKeys("g");
        shell.pane.awaitScreen("the first row selected again", s -> s.contains("> f01.bin"), SCREEN_TIMEOUT);
        shell.pane.sendKeys("NPage");
        String paged = shell.pane.awaitScreen("a page down", s -> !s.contains("> f01.bin") && s.matches("(?s).*\n> f[0-9]{2}\\.bin.*"), SCREEN_TIMEOUT);
        int row = selectedRow(paged);
        assertTrue(row >= 5 && row <= 15, "a page is most of the rows the 16-line window shows: " + row + "\n" + paged);
        shell.pane.sendKeys("End");
        shell.pane.awaitScreen("End selects the last", s -> s.contains("> f40.bin"), SCREEN_TIMEOUT);
        shell.pane.sendKeys("Home");
        shell.pane.awaitScreen("Home selects the first", s -> s.contains("> f01.bin"), SCREEN_TIMEOUT);
        shell.pane.sendKeys("PPage");
        shell.pane.awaitScreen("a page up at the top stays there", s -> s.contains("> f01.bin"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("q");
        assertEquals("130", shell.awaitFile("code"));
    }

    @Test
    void aBadUrlAtThePromptIsExplainedAndThePromptAsksAgain() throws Exception {
        server = new DripServer(1024 * 1024, 4096, 50, "alpha.bin", "bravo.bin");
        shell = new HaulShell(dir, 100, 30);
        shell.type("haul " + server.url("alpha.bin") + "; echo $? > code");
        shell.pane.awaitScreen("the live display", s -> s.contains("1 active") && s.contains("? keys"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("a");
        shell.pane.awaitScreen("the prompt", s -> s.contains("add URL"), SCREEN_TIMEOUT);
        shell.pane.sendKeys("-l", "htp://x");
        shell.pane.sendKeys("Enter");
        shell.pane.awaitScreen("why, on a line of its own, and the prompt still open",
                s -> s.matches("(?s).*\n  [^\n]*htp[^\n]*\\(fix it, or Esc\\)[^\n]*\nadd URL[^\n]*htp://x_.*"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("C-u");
        shell.pane.sendKeys("-l", server.url("bravo.bin"));
        shell.pane.sendKeys("Enter");
        shell.pane.awaitScreen("the prompt closed, the URL queued", s -> !s.contains("add URL") && s.contains("2 active"), SCREEN_TIMEOUT);

        assertEquals("0", shell.awaitFile("code"), "the typo failed nothing");
        assertEquals(server.sha256("bravo.bin"), dev.haul.it.support.Sha256.of(Files.readAllBytes(dir.resolve("bravo.bin"))));
    }

    @Test
    void inAThirtyColumnWindowThePromptKeepsTheEndOfTheUrlInView() throws Exception {
        server = new DripServer(1024 * 1024, 4096, 50, "alpha.bin");
        shell = new HaulShell(dir, 30, 20);
        shell.type("haul " + server.url("alpha.bin") + "; echo $? > code");
        shell.pane.awaitScreen("the live display", s -> s.contains("1 active"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("a");
        shell.pane.sendKeys("-l", "https://example.com/a/long/path/to/the-end.iso");
        shell.pane.awaitScreen("the end of the URL and the cursor in view", s -> s.matches("(?s).*\nURL: …[^\n]*the-end\\.iso_.*"), SCREEN_TIMEOUT);

        shell.pane.sendKeys("Escape");
        shell.pane.awaitScreen("the prompt closed", s -> !s.contains("URL: "), SCREEN_TIMEOUT);
        shell.pane.sendKeys("q");
        assertEquals("130", shell.awaitFile("code"));
    }

    /** The selected row's number, from its name (f07.bin: 7). */
    private static int selectedRow(String screen) {
        int at = screen.indexOf("\n> f");
        return Integer.parseInt(screen.substring(at + 4, at + 6));
    }
}
