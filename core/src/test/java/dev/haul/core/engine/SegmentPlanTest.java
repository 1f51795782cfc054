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
    void aFreeConnectionTakesOverOnlyWhatTheSlowOneHasNotAskedFor() {
        SegmentPlan plan = new SegmentPlan(8 * MIB, whole(8 * MIB), 2);
        SegmentPlan.Segment a = plan.next();
        SegmentPlan.Segment b = plan.next();
        a.requested = a.pos + MIB; // a's current request: [0, 1 MiB)
        a.pos = 512 * 1024;
        b.pos = b.end; // b finished early
        SegmentPlan.Segment taken = plan.next();
        assertTrue(taken.start >= MIB, "take-over starts inside a's request: " + taken);
        assertEquals(4 * MIB, taken.end);
        assertEquals(taken.start, a.end);
        assertTrue(taken.active);
    }

    @Test
    void theSplitFollowsTheRates() {
        SegmentPlan plan = new SegmentPlan(8 * MIB, whole(8 * MIB), 1);
        SegmentPlan.Segment slow = plan.next();
        slow.requested = MIB;
        slow.rate = 100_000;
        long split = SegmentPlan.splitPoint(slow, 900_000);
        // The slow one keeps its request and a tenth of the rest, less its head start.
        assertTrue(split >= MIB && split < MIB + (7 * MIB) / 10, "split at " + split);
        SegmentPlan.Segment taken = plan.next(900_000);
        assertEquals(split, taken.start);
        assertEquals(8 * MIB, taken.end);
    }

    @Test
    void theFirstConnectionsOpenRequestIsSplitPastOnePiece() {
        SegmentPlan plan = new SegmentPlan(8 * MIB, whole(8 * MIB), 1);
        SegmentPlan.Segment main = plan.first();
        main.active = true;
        main.openEnded = true;
        SegmentPlan.Segment taken = plan.next();
        assertTrue(taken.start >= SegmentPlan.MIN_PIECE);
        assertEquals(taken.start, main.end);
    }

    @Test
    void takeOversNeverOverlapWhateverTheOrder() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            long total = 4 * MIB + random.nextInt(64 * (int) MIB);
            SegmentPlan plan = new SegmentPlan(total, whole(total), 1 + random.nextInt(8));
            List<SegmentPlan.Segment> running = new ArrayList<>();
            for (int step = 0; step < 60 && !plan.complete(); step++) {
                SegmentPlan.Segment s = plan.next(random.nextInt(3) * 1_000_000L);
                if (s != null) {
                    s.requested = s.pos + SegmentPlan.pieceFor(s, 0);
                    running.add(s);
                }
                for (SegmentPlan.Segment r : running) {
                    r.pos = Math.min(r.requested, r.pos + random.nextInt(600_000));
                    if (r.pos == r.requested && r.pos < r.end) r.requested = r.pos + SegmentPlan.pieceFor(r, 0);
                }
            }
            List<SegmentPlan.Segment> all = new ArrayList<>(plan.segments());
            all.sort(java.util.Comparator.comparingLong(x -> x.start));
            long at = 0;
            for (SegmentPlan.Segment s : all) {
                assertEquals(at, s.start, "round " + round);
                assertTrue(s.requested <= s.end && s.pos <= s.end, "asked past its end: " + s);
                at = s.end;
            }
            assertEquals(total, at);
        }
    }

    @Test
    void nothingIsTakenOverWhenTheRestIsSmall() {
        SegmentPlan plan = new SegmentPlan(2 * MIB, whole(2 * MIB), 2);
        SegmentPlan.Segment a = plan.next();
        a.requested = a.end;
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
