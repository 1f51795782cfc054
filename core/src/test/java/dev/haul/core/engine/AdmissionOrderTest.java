package dev.haul.core.engine;

import static dev.haul.core.engine.AdmissionFixtures.A;
import static dev.haul.core.engine.AdmissionFixtures.B;
import static dev.haul.core.engine.AdmissionFixtures.C;
import static dev.haul.core.engine.AdmissionFixtures.drain;
import static dev.haul.core.engine.AdmissionFixtures.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.engine.AdmissionFixtures.QuietHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Submission order and the --jobs cap. */
class AdmissionOrderTest {
    private final QuietHost host = new QuietHost();

    @Test
    void transfersStartInSubmissionOrderAcrossOrigins() {
        Admission admission = new Admission(8, 0);
        admission.enqueue(transfer(1, A, host));
        admission.enqueue(transfer(2, B, host));
        admission.enqueue(transfer(3, A, host));
        admission.enqueue(transfer(4, C, host));
        admission.enqueue(transfer(5, B, host));

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), drain(admission));
    }

    @Test
    void noMoreThanJobsRunAtOnce() {
        Admission admission = new Admission(2, 0);
        for (long id = 1; id <= 5; id++) admission.enqueue(transfer(id, id % 2 == 0 ? A : B, host));

        assertEquals(List.of(1L, 2L), drain(admission));
        assertEquals(2, admission.running());
        assertEquals(3, admission.queued());
    }

    @Test
    void anEndingTransferLetsTheNextOneInSubmissionOrderStart() {
        Admission admission = new Admission(2, 0);
        admission.enqueue(transfer(1, A, host));
        admission.enqueue(transfer(2, A, host));
        admission.enqueue(transfer(3, B, host));
        admission.enqueue(transfer(4, A, host));
        drain(admission);

        admission.finished(A);

        assertEquals(List.of(3L), drain(admission));
        admission.finished(B);
        assertEquals(List.of(4L), drain(admission));
        assertEquals(0, admission.queued());
    }

    @Test
    void raisingJobsWhileRunningStartsMoreAtOnce() {
        Admission admission = new Admission(1, 0);
        for (long id = 1; id <= 4; id++) admission.enqueue(transfer(id, A, host));
        assertEquals(List.of(1L), drain(admission));

        admission.setJobs(3);

        assertEquals(List.of(2L, 3L), drain(admission));
    }

    @Test
    void loweringJobsLetsRunningTransfersFinishButStartsNoneUntilBelowTheCap() {
        Admission admission = new Admission(3, 0);
        for (long id = 1; id <= 4; id++) admission.enqueue(transfer(id, A, host));
        drain(admission);

        admission.setJobs(1);
        admission.finished(A);

        assertEquals(List.of(), drain(admission));
        assertEquals(2, admission.running());
        admission.finished(A);
        admission.finished(A);
        assertEquals(List.of(4L), drain(admission));
    }

    @Test
    void jobsNeverDropBelowOne() {
        Admission admission = new Admission(2, 0);
        admission.setJobs(0);
        assertEquals(1, admission.jobs());
    }

    @Test
    void aQueuedTransferCanBeRemovedButARunningOneIsNotInTheQueue() {
        Admission admission = new Admission(1, 0);
        Transfer running = transfer(1, A, host);
        Transfer waiting = transfer(2, B, host);
        admission.enqueue(running);
        admission.enqueue(waiting);
        drain(admission);

        assertTrue(admission.remove(waiting));
        assertFalse(admission.remove(running));
        assertEquals(0, admission.queued());
        admission.finished(A);
        assertEquals(List.of(), drain(admission));
    }
}
