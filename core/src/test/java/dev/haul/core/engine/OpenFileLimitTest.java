package dev.haul.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenFileLimitTest {
    @Test
    void tenThousandTransfersFitTwentyThousandDescriptors() {
        int[] split = OpenFileLimit.split(20_000);
        assertArrayEquals(new int[] {1024, 20_000 - 128 - 1024}, split);
        assertTrue(split[1] >= 10_000);
    }

    @Test
    void aSmallLimitKeepsAQuarterForOpenPartFiles() {
        assertArrayEquals(new int[] {224, 1024 - 128 - 224}, OpenFileLimit.split(1024));
        assertArrayEquals(new int[] {1, 1}, OpenFileLimit.split(64)); // less than the reserve: one at a time
    }

    @Test
    void noLimitNoCap() {
        assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, OpenFileLimit.split(-1));
    }

    @Test
    void theOpenPartBudgetIsWhatTheJobsSocketsLeaveButNeverLessThanTheReservedQuarter() {
        int[] split = OpenFileLimit.split(20_000); // reserved 1024, transfers 18,848
        assertEquals(19_872 - 8, OpenFileLimit.budgetFor(split[0], split[1], 8));
        assertEquals(9_872, OpenFileLimit.budgetFor(split[0], split[1], 10_000));
        assertEquals(1_024, OpenFileLimit.budgetFor(split[0], split[1], 50_000)); // --jobs above the cap: the quarter
    }
}
