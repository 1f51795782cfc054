package dev.haul.core.engine;

import static dev.haul.core.engine.AdmissionFixtures.A;
import static dev.haul.core.engine.AdmissionFixtures.B;
import static dev.haul.core.engine.AdmissionFixtures.drain;
import static dev.haul.core.engine.AdmissionFixtures.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haul.core.engine.AdmissionFixtures.QuietHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --per-host counts connections: transfers that become streams of an open h2 connection pass the cap; --jobs still holds. */
class AdmissionMultiplexTest {
    private final QuietHost host = new QuietHost();

    @Test
    void anOriginWithAnH2ConnectionWithRoomTakesMoreTransfersThanPerHost() {
        Admission admission = new Admission(4, 1, origin -> origin.equals(A));
        for (long id = 1; id <= 6; id++) admission.enqueue(transfer(id, id <= 3 ? A : B, host));

        assertEquals(List.of(1L, 2L, 3L, 4L), drain(admission), "three streams to A, then B's first within --jobs 4");
    }

    @Test
    void withoutMultiplexingPerHostStillCapsEachOrigin() {
        Admission admission = new Admission(8, 1, origin -> false);
        for (long id = 1; id <= 4; id++) admission.enqueue(transfer(id, id % 2 == 0 ? A : B, host));

        assertEquals(List.of(1L, 2L), drain(admission));
    }
}
