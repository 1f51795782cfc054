package dev.haul.core.engine;

import dev.haul.core.engine.Lifecycle.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of moves itself: finals are final, and moveTo refuses what the table does not list. */
class LifecycleTableTest {
    @TempDir
    Path dir;

    @Test
    void aFinalStateHasNoMoves() {
        for (State s : State.values()) {
            if (s.isFinal()) assertTrue(Lifecycle.movesFrom(s).isEmpty(), s + " is final");
        }
    }

    @Test
    void everyStateButTheFinalsCanBeCancelledAndCanFail() {
        for (State s : State.values()) {
            if (s.isFinal()) continue;
            assertTrue(Lifecycle.allows(s, State.CANCELLED), s + " -> CANCELLED");
            assertTrue(Lifecycle.allows(s, State.FAILED), s + " -> FAILED");
        }
    }

    @Test
    void onlyAnUnansweredRequestCanEndAsDoneWithoutFinishing() {
        for (State s : State.values()) {
            if (Lifecycle.allows(s, State.DONE)) {
                // QUEUED: the rerun rule found the file saved by an earlier run, nothing was asked
                assertTrue(s == State.FINISHING || s == State.CONNECTING || s == State.QUEUED, s + " -> DONE");
            }
        }
    }

    @Test
    void moveToRefusesAMoveTheTableDoesNotList() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer(TransferTesting.URL);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.moveTo(State.RECEIVING));

        assertTrue(e.getMessage().contains("QUEUED to RECEIVING"), e.getMessage());
        assertEquals(State.QUEUED, t.state(), "a refused move changes nothing");
        assertFalse(Lifecycle.allows(State.QUEUED, State.RECEIVING));
    }

    @Test
    void anIllegalMoveInsideTheTransfersWorkFailsItAndIsLoudWithAssertionsOn() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer(TransferTesting.URL);

        assertThrows(Lifecycle.IllegalMove.class, () -> t.guard(() -> t.moveTo(State.FINISHING)));

        assertEquals(State.FAILED, t.state(), "the transfer does not hang in a state it cannot leave");
        assertEquals(dev.haul.core.FailureReason.INTERNAL, ((dev.haul.core.Outcome.Failed) host.outcome()).reason());
    }

    @Test
    void aFinishedTransferRefusesEveryMove() {
        FakeHost host = new FakeHost(FakeHost.config(dir));
        Transfer t = host.transfer(TransferTesting.URL);
        t.cancel();

        for (State s : State.values()) {
            assertThrows(IllegalStateException.class, () -> t.moveTo(s), "CANCELLED -> " + s);
        }
        assertEquals(1, host.outcomes.size(), "ended once");
    }
}
