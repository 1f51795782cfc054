package dev.haul.core.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentPlanTest {
    private static final long MIB = SegmentPlan.MIN_SEGMENT;

    private static List<long[]> whole(long total) {
        return List.of(new long[] {0, total});
    }

    @Test
    void aFreshFileIsSplitEvenlyAcrossTheConnections() {
        SegmentPlan plan = new SegmentPlan(16 * MIB, whole(16 * MIB), 4);
        List<SegmentPlan.Segment> s = plan.segments();
        assertEquals(4, s.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(i * 4 * MIB, s.get(i).start);
            assertEquals((i + 1) * 4 * MIB, s.get(i).end);
        }
    }

    @Test
    void smallFilesAreNotCutBelowTheMinimumSegment() {
        SegmentPlan plan = new SegmentPlan(3 * MIB, whole(3 * MIB), 16);
        assertEquals(3, plan.segments().size());
    }

    @Test
    void everyByteIsCoveredExactlyOnceWhateverTheSplit() {
        for (int n = 1; n <= 16; n++) {
            long total = 7 * MIB + 12345;
            SegmentPlan plan = new SegmentPlan(total, whole(total), n);
            long at = 0;
            for (SegmentPlan.Segment s : plan.segments()) {
                assertEquals(at, s.start, "n=" + n);
                at = s.end;
            }
            assertEquals(total, at, "n=" + n);
        }
    }

    @Test
    void anIdleConnectionStealsTheSecondHalfOfTheBiggestRemainder() {
        SegmentPlan plan = new SegmentPlan(8 * MIB, whole(8 * MIB), 2);
        SegmentPlan.Segment a = plan.next();
        SegmentPlan.Segment b = plan.next();
        b.pos = b.end; // b finished early; a has 4 MiB left
        SegmentPlan.Segment stolen = plan.next();
        assertEquals(2 * MIB, stolen.start);
        assertEquals(4 * MIB, stolen.end);
        assertEquals(2 * MIB, a.end);
        assertTrue(stolen.active);
    }

    @Test
    void nothingIsStolenWhenTheRemainderIsSmall() {
        SegmentPlan plan = new SegmentPlan(2 * MIB, whole(2 * MIB), 2);
        plan.next();
        SegmentPlan.Segment b = plan.next();
        b.pos = b.end;
        assertNull(plan.next());
    }

    @Test
    void doneMergesEarlierRangesWithWhatSegmentsSaved() {
        List<long[]> missing = List.of(new long[] {100, 200}, new long[] {300, 400});
        SegmentPlan plan = new SegmentPlan(400, missing, 2);
        plan.segments().get(0).pos = 150;
        List<long[]> done = plan.done();
        assertArrayEquals(new long[] {0, 150}, done.get(0));
        assertArrayEquals(new long[] {200, 300}, done.get(1));
        assertEquals(250, plan.saved());
        assertFalse(plan.complete());
    }

    @Test
    void complementFindsTheGaps() {
        List<long[]> gaps = SegmentPlan.complement(100, new ArrayList<>(List.of(new long[] {10, 20}, new long[] {15, 30},
                new long[] {50, 100})));
        assertEquals(2, gaps.size());
        assertArrayEquals(new long[] {0, 10}, gaps.get(0));
        assertArrayEquals(new long[] {30, 50}, gaps.get(1));
        assertTrue(SegmentPlan.complement(100, List.of(new long[] {0, 100})).isEmpty());
    }
}
