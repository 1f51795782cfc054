package dev.haul.core.engine;

import static dev.haul.core.engine.AdmissionFixtures.A;
import static dev.haul.core.engine.AdmissionFixtures.B;
import static dev.haul.core.engine.AdmissionFixtures.drain;
import static dev.haul.core.engine.AdmissionFixtures.redirect;
import static dev.haul.core.engine.AdmissionFixtures.transfer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.engine.AdmissionFixtures.QuietHost;
import dev.haul.core.transport.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A redirect moves a running transfer's connection slot to the new origin, or, when that
 * origin is at its --per-host cap, gives the slot back and waits at the head of that origin's
 * queue. The calls below are the ones the Scheduler makes.
 */
class AdmissionRedirectTest {
    private final QuietHost host = new QuietHost();

    @Test
    void aRedirectedTransferReportsItsOldAndNewOrigin() {
        Transfer t = transfer(1, A, host);

        redirect(t, "http://b.example/elsewhere");

        assertEquals(B, t.origin());
        assertArrayEquals(new Origin[] {A, B}, host.redirects.get(0));
    }

    @Test
    void movedFreesTheOldOriginForItsNextTransfer() {
        Admission admission = new Admission(8, 1);
        Transfer first = transfer(1, A, host);
        admission.enqueue(first);
        admission.enqueue(transfer(2, A, host));
        drain(admission);

        redirect(first, "http://b.example/x");
        admission.moved(A, B);

        assertEquals(List.of(2L), drain(admission));
        assertEquals(2, admission.running());
    }

    @Test
    void movedCountsTheTransferAgainstTheNewOrigin() {
        Admission admission = new Admission(8, 1);
        Transfer first = transfer(1, A, host);
        admission.enqueue(first);
        drain(admission);
        redirect(first, "http://b.example/x");
        admission.moved(A, B);

        admission.enqueue(transfer(2, B, host));
        assertEquals(List.of(), drain(admission));

        admission.finished(first.origin());
        assertEquals(List.of(2L), drain(admission));
    }

    @Test
    void aRedirectToASaturatedOriginWaitsAtTheHeadOfThatOriginsQueue() {
        Admission admission = new Admission(8, 1);
        admission.enqueue(transfer(1, B, host));
        Transfer movingToB = transfer(2, A, host);
        admission.enqueue(movingToB);
        admission.enqueue(transfer(3, B, host));
        assertEquals(List.of(1L, 2L), drain(admission));

        redirect(movingToB, "http://b.example/x");
        assertFalse(admission.hasRoom(B));
        admission.yielded(A);
        admission.requeueFirst(movingToB);

        assertEquals(List.of(), drain(admission));
        admission.finished(B);
        assertEquals(List.of(2L), drain(admission), "the redirected transfer goes before 3, queued earlier for B");
    }

    @Test
    void aYieldedSlotGoesToTheNextTransferOfTheOldOrigin() {
        Admission admission = new Admission(2, 1);
        admission.enqueue(transfer(1, B, host));
        Transfer movingToB = transfer(2, A, host);
        admission.enqueue(movingToB);
        admission.enqueue(transfer(3, A, host));
        assertEquals(List.of(1L, 2L), drain(admission));

        redirect(movingToB, "http://b.example/x");
        admission.yielded(A);
        admission.requeueFirst(movingToB);

        assertEquals(List.of(3L), drain(admission), "both the --jobs slot and A's slot were given back");
        assertEquals(2, admission.running());
        assertEquals(1, admission.queued());
    }

    @Test
    void aRequeuedTransferCancelledWhileWaitingLeavesTheQueue() {
        Admission admission = new Admission(8, 1);
        admission.enqueue(transfer(1, B, host));
        Transfer movingToB = transfer(2, A, host);
        admission.enqueue(movingToB);
        drain(admission);
        redirect(movingToB, "http://b.example/x");
        admission.yielded(A);
        admission.requeueFirst(movingToB);

        assertTrue(admission.remove(movingToB));

        admission.finished(B);
        assertEquals(List.of(), drain(admission));
        assertEquals(0, admission.queued());
        assertEquals(0, admission.running());
    }
}
