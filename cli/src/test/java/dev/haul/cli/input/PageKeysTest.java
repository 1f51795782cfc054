package dev.haul.cli.input;

import dev.haul.cli.progress.KeyHelp;
import dev.haul.cli.progress.Selection;
import dev.haul.cli.progress.Snapshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PgUp/PgDn, Home/End, g/G, ?, Ctrl-Z and Ctrl-\ as a terminal sends them, read by the key loop. */
class PageKeysTest {
    private final FakeEngine engine = new FakeEngine();
    private final Selection selection = new Selection();
    private final KeyHelp help = new KeyHelp();
    private final List<String> suspended = new ArrayList<>();

    @BeforeEach
    void twoHundredTransfersRunAndTenRowsFit() {
        long[] ids = new long[200];
        for (int i = 0; i < ids.length; i++) ids[i] = i + 1;
        engine.snapshot = Snapshots.active(ids);
        selection.page(10);
    }

    private void type(String keys) {
        KeyBindings bindings = new KeyBindings(engine, selection, 4).help(help).suspend(() -> suspended.add("suspend"));
        new KeyReader(new FedKeys(keys), bindings).loop();
    }

    @Test
    void pageDownMovesByAScreenLessOneRowAndPageUpBack() {
        type("\u001b[6~");
        assertEquals(10, selection.current(), "from row 1, nine rows down: the last row seen stays in view");
        type("\u001b[6~\u001b[6~");
        assertEquals(28, selection.current());
        type("\u001b[5~");
        assertEquals(19, selection.current());
    }

    @Test
    void endAndGGoToTheLastRowAndHomeAndSmallGToTheFirst() {
        type("G");
        assertEquals(200, selection.current());
        type("g");
        assertEquals(1, selection.current());
        type("\u001b[F");
        assertEquals(200, selection.current());
        type("\u001b[H");
        assertEquals(1, selection.current());
        type("\u001b[4~");
        assertEquals(200, selection.current());
        type("\u001b[1~");
        assertEquals(1, selection.current());
        type("\u001bOF");
        assertEquals(200, selection.current());
        type("\u001bOH");
        assertEquals(1, selection.current());
        type("\u001b[8~");
        assertEquals(200, selection.current());
        type("\u001b[7~");
        assertEquals(1, selection.current());
    }

    @Test
    void pagingStopsAtTheEnds() {
        type("\u001b[5~");
        assertEquals(1, selection.current());
        type("G\u001b[6~");
        assertEquals(200, selection.current());
    }

    @Test
    void questionMarkShowsTheHelpAndAnyKeyHidesItDoingNothingElse() {
        type("?");
        assertTrue(help.shown());
        type("c");
        assertFalse(help.shown());
        assertEquals(List.of(), engine.calls, "the key that closed the help did not cancel");
        type("??");
        assertFalse(help.shown(), "? again closes it");
        type("?\u001b[6~");
        assertFalse(help.shown());
        assertEquals(Selection.NONE, selection.current(), "the page key only closed the help");
    }

    @Test
    void ctrlZSuspendsAndKeysWorkAfterwards() {
        type("\u001ac");
        assertEquals(List.of("suspend"), suspended);
        assertEquals(List.of("cancel 1"), engine.calls);
    }

    @Test
    void ctrlBackslashQuitsAsSigquitAndNothingAfterItIsRead() {
        type("\u001cc");
        assertEquals(List.of("quit"), engine.calls);
    }

    @Test
    void ctrlCStillQuitsWhileTheHelpIsShown() {
        type("?\u0003");
        assertEquals(List.of("stop"), engine.calls);
    }
}
