package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key help in place of the rows, and the add-URL prompt line in narrow windows. */
class HelpAndPromptLinesTest {

    @Test
    void theHelpListsEveryKeyAboveTheTotalLine() {
        List<String> lines = Renderer.renderHelp(Snapshots.active(1, 2), 79, 30, false);
        assertEquals(KeyHelp.LINES.size() + 1, lines.size());
        String all = String.join("\n", lines);
        for (String key : List.of("PgUp PgDn", "Home End  g G", "Ctrl-Z", "cancel", "pause", "add a URL", "q  Ctrl-C")) {
            assertTrue(all.contains(key), key + " in\n" + all);
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("  0 done, 0 failed, 2 active"), lines.get(lines.size() - 1));
    }

    @Test
    void inAShortWindowTheHelpIsCutToFit() {
        List<String> lines = Renderer.renderHelp(Snapshots.active(1, 2), 79, 8, false);
        assertEquals(8 - Renderer.MARGIN, lines.size());
        for (String line : lines) assertTrue(DisplayWidth.of(line) <= 79, line);
    }

    @Test
    void atThirtyColumnsThePromptHasAShortLabelAndKeepsTheEndOfTheUrlInView() {
        String typed = "https://example.com/a/very/long/path/file.iso";
        String line = LiveDisplay.promptLine(typed, 29);
        assertEquals(29, DisplayWidth.of(line), line);
        assertTrue(line.startsWith("URL: …"), line);
        assertTrue(line.endsWith("file.iso_"), "the cursor end stays visible: " + line);
    }

    @Test
    void aShortUrlIsShownWhole() {
        assertEquals("URL: http://x/_", LiveDisplay.promptLine("http://x/", 29));
        assertEquals("add URL (Enter queues, Esc cancels): http://x/_", LiveDisplay.promptLine("http://x/", 119));
    }

    @Test
    void theTotalLineKeepsTheShortHintWhenCancelledAndEtaShow() {
        var s = Snapshots.engine(List.of(Snapshots.downloading(7, "a.bin", 0, 300_000, 100_000)), 3, 0, 2, 8);
        String total = TotalLine.format(s, Rows.of(s), 90, true, false);
        assertTrue(total.endsWith("? keys"), total);
        assertTrue(total.contains("ETA"), total);
    }
}
