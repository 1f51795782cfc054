package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelectionTest {

    @Test
    void atStartTheFirstActiveTransferIsSelected() {
        Selection s = new Selection();
        assertEquals(Selection.NONE, s.current());
        assertEquals(3, s.reconcile(Snapshots.active(3, 4, 5)));
    }

    @Test
    void theSelectionStaysOnItsTransferWhileRowsAboveItEnd() {
        Selection s = new Selection();
        s.reconcile(Snapshots.active(1, 2, 3));
        s.move(2, Snapshots.active(1, 2, 3));
        assertEquals(3, s.reconcile(Snapshots.active(2, 3, 4)));
        assertEquals(3, s.reconcile(Snapshots.active(3, 4)));
    }

    @Test
    void whenTheSelectedTransferEndsTheNextOneIsSelected() {
        Selection s = new Selection();
        s.move(1, Snapshots.active(1, 2, 3));
        assertEquals(3, s.reconcile(Snapshots.active(1, 3)));
    }

    @Test
    void whenTheLastRowEndsThePreviousOneIsSelected() {
        Selection s = new Selection();
        s.move(5, Snapshots.active(1, 2, 3));
        assertEquals(3, s.current());
        assertEquals(2, s.reconcile(Snapshots.active(1, 2)));
    }

    @Test
    void aTransferStartedLaterIsNextAfterTheSelectedOneEnds() {
        Selection s = new Selection();
        s.move(2, Snapshots.active(1, 2, 3));
        assertEquals(4, s.reconcile(Snapshots.active(1, 2, 4)));
    }

    @Test
    void movingStopsAtTheEnds() {
        Selection s = new Selection();
        assertEquals(1, s.move(-1, Snapshots.active(1, 2)));
        assertEquals(2, s.move(1, Snapshots.active(1, 2)));
        assertEquals(2, s.move(1, Snapshots.active(1, 2)));
    }

    @Test
    void withNoRowsNothingIsSelectedUntilOneStarts() {
        Selection s = new Selection();
        assertEquals(Selection.NONE, s.move(1, Snapshots.active()));
        assertEquals(7, s.reconcile(Snapshots.active(7)));
    }
}
