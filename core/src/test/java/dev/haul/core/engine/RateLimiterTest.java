package dev.haul.core.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token bucket on virtual time: readers that spend too much wait, and the long-run rate is the limit. */
class RateLimiterTest {
    private static final long MS = 1_000_000L;

    @Test
    void aReaderWithinTheBurstGoesOnAndOneBeyondItWaits() {
        RateLimiter limiter = new RateLimiter(1_000_000, 0);
        assertFalse(limiter.spend(50_000));
        assertTrue(limiter.spend(60_000));
    }

    @Test
    void waitersWakeOldestFirstWhenTokensReturn() {
        RateLimiter limiter = new RateLimiter(1_000_000, 0);
        limiter.spend(200_000);
        List<String> woke = new ArrayList<>();
        limiter.await(() -> woke.add("first"));
        limiter.await(() -> woke.add("second"));
        limiter.tick(50 * MS); // 50 KB back: still in debt
        assertEquals(List.of(), woke);
        limiter.tick(200 * MS);
        assertEquals("first", woke.get(0));
    }

    @Test
    void overTenVirtualSecondsAGreedyReaderGetsTheLimitWithinTenPercent() {
        long rate = 500 * 1024;
        RateLimiter limiter = new RateLimiter(rate, 0);
        long[] got = {0};
        boolean[] waiting = {false};
        long read = 64 * 1024;
        for (long t = 0; t <= 10_000; t += 10) {
            limiter.tick(t * MS);
            // The reader reads whenever it is not waiting: one chunk per 10 ms tick at most.
            if (!waiting[0]) {
                got[0] += read;
                if (limiter.spend(read)) {
                    waiting[0] = true;
                    limiter.await(() -> waiting[0] = false);
                }
            }
        }
        double perSecond = got[0] / 10.0;
        assertTrue(Math.abs(perSecond - rate) < rate * 0.1, "got " + perSecond + " B/s, limit " + rate);
    }
}
