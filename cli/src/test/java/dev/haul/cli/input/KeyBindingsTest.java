package dev.haul.cli.input;

import dev.haul.cli.progress.Selection;
import dev.haul.cli.progress.Snapshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keys typed at a fed source, read by the key reader's loop, acting on a fake engine. */
class KeyBindingsTest {
    private final FakeEngine engine = new FakeEngine();
    private final Selection selection = new Selection();

    @BeforeEach
    void threeTransfersRun() {
        engine.snapshot = Snapshots.active(11, 12, 13);
    }

    private void type(String keys) {
        new KeyReader(new FedKeys(keys), new KeyBindings(engine, selection, 4)).loop();
    }

    @Test
    void cCancelsTheFirstActiveTransferAtStart() {
        type("c");
        assertEquals(List.of("cancel 11"), engine.calls);
    }

    @Test
    void jThenCCancelsTheSecond() {
        type("jc");
        assertEquals(List.of("cancel 12"), engine.calls);
        assertEquals(12, selection.current());
    }

    @Test
    void arrowKeysMoveLikeJAndK() {
        type("\u001b[B\u001b[B\u001b[A");
        assertEquals(12, selection.current());
        type("\u001bOB");
        assertEquals(13, selection.current());
    }

    @Test
    void kMovesUpAndStopsAtTheTop() {
        type("jjkkk");
        assertEquals(11, selection.current());
    }

    @Test
    void pTogglesPauseOfTheSelected() {
        type("jjp");
        assertEquals(List.of("pause 13"), engine.calls);
    }

    @Test
    void plusAndMinusChangeJobsAndNeverGoBelowOne() {
        type("++-----");
        assertEquals(List.of("jobs 5", "jobs 6", "jobs 5", "jobs 4", "jobs 3", "jobs 2", "jobs 1"), engine.calls);
    }

    @Test
    void qStopsAndNothingAfterItIsRead() {
        type("qc");
        assertEquals(List.of("stop"), engine.calls);
    }

    @Test
    void ctrlCStopsLikeQ() {
        type("\u0003j");
        assertEquals(List.of("stop"), engine.calls);
    }

    @Test
    void withNothingRunningCancelDoesNothing() {
        engine.snapshot = Snapshots.active();
        type("cp");
        assertEquals(List.of(), engine.calls);
    }

    @Test
    void theSelectionFollowsTheNextTransferWhenTheSelectedOneEnds() {
        type("j");
        engine.snapshot = Snapshots.active(11, 13);
        type("c");
        assertEquals(List.of("cancel 13"), engine.calls);
    }

    @Test
    void otherKeysAndEscapeSequencesAreIgnored() {
        type("x \u001b[1;5C\u001b[15~z");
        assertEquals(List.of(), engine.calls);
        assertEquals(Selection.NONE, selection.current());
    }
}
