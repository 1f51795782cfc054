package dev.haul.core.engine;

import java.util.concurrent.TimeUnit;

/**
 * A transfer's recent speed: the bytes that arrived in the last {@link #WINDOW_NANOS} of time,
 * divided by that time (curl's progress meter does the same over its last 5 seconds).
 *
 * <p>Why a window over time and not a smoothed per-tick rate: a server that sends a block a
 * second (nginx {@code limit_rate}) gives one tick in ten all the bytes and nine ticks none, and
 * a smoothed per-tick rate then swings between 10× and a tenth of the truth depending on when it
 * is read. Any half-open interval of 5 s holds exactly as many bursts as there are whole burst
 * periods in 5 s, so the windowed rate is right for bursts of 1 s, 0.5 s, 2.5 s … and for steady
 * arrivals alike.
 *
 * <p>Bytes are counted as they arrive and bucketed at each snapshot tick; a bucket covers the time
 * from the previous tick to its own. Before the window has filled, the rate is over the time since
 * the tick before the first bytes. Loop-confined; time is passed in, so tests drive it with virtual
 * time. The buckets grow on demand (8 → 64), so the thousands of short transfers of a large list
 * pay a few dozen bytes each.
 */
final class SpeedMeter {
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_SLOTS = 64; // > 50 ticks of 100 ms in the window

    private long pending;
    private long lastTickNanos = Long.MIN_VALUE;
    private long windowStart = Long.MIN_VALUE; // start of the oldest bucket kept
    private long[] endsAt; // ring of bucket end times (nanos)
    private long[] bytes;  // ring of bucket byte counts
    private int oldest;
    private int count;
    private long sum;
    private long rate;

    void add(long n) {
        pending += n;
    }

    /** Closes the bucket of the bytes since the previous tick and recomputes the rate. */
    void tick(long nowNanos) {
        long previous = lastTickNanos;
        lastTickNanos = nowNanos;
        if (count == 0 && pending == 0) return; // no bytes yet: the window starts at the tick before the first
        if (windowStart == Long.MIN_VALUE) windowStart = previous == Long.MIN_VALUE ? nowNanos : previous;
        push(nowNanos, pending);
        pending = 0;
        // drop buckets that ended at or before the window's start: what is left spans [W, W + one tick)
        while (count > 1 && endsAt[oldest] <= nowNanos - WINDOW_NANOS) dropOldest();
        long span = nowNanos - windowStart;
        rate = span <= 0 ? 0 : Math.round(sum * 1e9 / span);
    }

    long bytesPerSecond() {
        return rate;
    }

    private void push(long end, long n) {
        if (endsAt == null) {
            endsAt = new long[8];
            bytes = new long[8];
        } else if (count == endsAt.length) {
            if (count == MAX_SLOTS) {
                dropOldest();
            } else {
                grow();
            }
        }
        int at = (oldest + count) % endsAt.length;
        endsAt[at] = end;
        bytes[at] = n;
        count++;
        sum += n;
    }

    private void dropOldest() {
        windowStart = endsAt[oldest];
        sum -= bytes[oldest];
        oldest = (oldest + 1) % endsAt.length;
        count--;
    }

    private void grow() {
        long[] e = new long[endsAt.length * 2];
        long[] b = new long[e.length];
        for (int i = 0; i < count; i++) {
            e[i] = endsAt[(oldest + i) % endsAt.length];
            b[i] = bytes[(oldest + i) % endsAt.length];
        }
        endsAt = e;
        bytes = b;
        oldest = 0;
    }
}
