package dev.haul.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
