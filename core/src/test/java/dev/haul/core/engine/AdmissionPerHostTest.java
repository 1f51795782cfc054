package dev.haul.core.engine;

import static dev.haul.core.engine.AdmissionFixtures.A;
import static dev.haul.core.engine.AdmissionFixtures.B;
import static dev.haul.core.engine.AdmissionFixtures.C;
import static dev.haul.core.engine.AdmissionFixtures.drain;
import static dev.haul.core.engine.AdmissionFixtures.origin;
import static dev.haul.core.engine.AdmissionFixtures.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.engine.AdmissionFixtures.QuietHost;
import dev.haul.core.transport.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The --per-host cap: per origin (scheme, host, port), within --jobs. */
class AdmissionPerHostTest {
    private final QuietHost host = new QuietHost();

    @Test
    void aSaturatedOriginDoesNotBlockOthersQueuedBehindIt() {
        Admission admission = new Admission(8, 1);
        admission.enqueue(transfer(1, A, host));
        admission.enqueue(transfer(2, A, host));
        admission.enqueue(transfer(3, A, host));
        admission.enqueue(transfer(4, B, host));
        admission.enqueue(transfer(5, C, host));

        assertEquals(List.of(1L, 4L, 5L), drain(admission));
    }

    @Test
    void aSaturatedOriginsNextTransferStartsWhenOneOfItsOwnEnds() {
        Admission admission = new Admission(8, 1);
        admission.enqueue(transfer(1, A, host));
        admission.enqueue(transfer(2, A, host));
        admission.enqueue(transfer(3, B, host));
        drain(admission);

        admission.finished(B);
        assertEquals(List.of(), drain(admission));

        admission.finished(A);
        assertEquals(List.of(2L), drain(admission));
    }

    @Test
    void perHostAllowsThatManyConnectionsToOneOrigin() {
        Admission admission = new Admission(8, 2);
        for (long id = 1; id <= 4; id++) admission.enqueue(transfer(id, A, host));

        assertEquals(List.of(1L, 2L), drain(admission));
        assertFalse(admission.hasRoom(A));
        assertTrue(admission.hasRoom(B));
    }

    @Test
    void zeroMeansNoCapBeyondJobs() {
        Admission admission = new Admission(3, 0);
        for (long id = 1; id <= 5; id++) admission.enqueue(transfer(id, A, host));

        assertEquals(List.of(1L, 2L, 3L), drain(admission));
        assertTrue(admission.hasRoom(A));
    }

    @Test
    void jobsStillCapsTheTotalWhenEveryOriginHasRoom() {
        Admission admission = new Admission(2, 5);
        admission.enqueue(transfer(1, A, host));
        admission.enqueue(transfer(2, B, host));
        admission.enqueue(transfer(3, C, host));

        assertEquals(List.of(1L, 2L), drain(admission));
    }

    @Test
    void sameHostOnAnotherPortOrSchemeIsAnotherOrigin() {
        Origin plain = origin("http://a.example/");
        Origin otherPort = origin("http://a.example:8080/");
        Origin tls = origin("https://a.example/");
        Admission admission = new Admission(8, 1);
        admission.enqueue(transfer(1, plain, host));
        admission.enqueue(transfer(2, otherPort, host));
        admission.enqueue(transfer(3, tls, host));
        admission.enqueue(transfer(4, plain, host));

        assertEquals(List.of(1L, 2L, 3L), drain(admission));
    }

    @Test
    void originMatchingIgnoresHostCaseAndAnExplicitDefaultPort() {
        Admission admission = new Admission(8, 1);
        admission.enqueue(transfer(1, origin("http://A.Example/"), host));
        admission.enqueue(transfer(2, origin("http://a.example:80/"), host));

        assertEquals(List.of(1L), drain(admission));
    }
}
