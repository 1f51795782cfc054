package dev.haul.core.engine;

/**
 * {@code -x auto}: how many connections one file should have. It starts with what it is given
 * (one, or one per source) and doubles it (1, 2, 4, 8, 16: a ramp of seconds, not of minutes)
 * while each connection a step added raised the file's total rate by more than 10 % of the rate
 * per connection before it (from one to two: by more than 10 %). The first step that does not is
 * taken back, and no step follows (a server that caps each connection keeps gaining, a saturated
 * link or a per-client cap does not). Pure: fed the file's saved bytes and the time, so tests
 * run it on virtual time. Loop-confined.
 */
final class AutoConnections {
    static final int MAX = 16;
    /** An addition must raise the rate by more than this factor to earn the next one. */
    static final double GAIN = 1.10;
    /** After a change, time for the new connection to connect and ramp up before measuring. */
    static final long SETTLE_NANOS = 400_000_000L;
    /** How long the rate is measured for, after settling. */
    static final long WINDOW_NANOS = 800_000_000L;

    private final int cap;
    private int wanted;
    private boolean stopped;
    private double baseline = -1;
    private long phaseStart;
    private long sampleAt = -1;
    private long sampleBytes;
    private double lastRate;
    /** Connections before the step being measured. */
    private int before;

    /**
     * @param start connections at first (at least 1)
     * @param cap   the most it may reach (16, or less under --per-host)
     */
    AutoConnections(int start, int cap, long nowNanos) {
        this.cap = Math.max(1, Math.min(MAX, cap));
        this.wanted = Math.max(1, Math.min(this.cap, start));
        this.phaseStart = nowNanos;
        this.before = wanted;
        this.stopped = wanted >= this.cap;
    }

    /**
     * The connections the file should have now.
     *
     * @param savedBytes the file's bytes saved so far (any count that grows with the bytes received)
     */
    int update(long nowNanos, long savedBytes) {
        if (stopped) return wanted;
        if (sampleAt < 0) {
            if (nowNanos - phaseStart >= SETTLE_NANOS) {
                sampleAt = nowNanos;
                sampleBytes = savedBytes;
            }
            return wanted;
        }
        long dt = nowNanos - sampleAt;
        if (dt < WINDOW_NANOS) return wanted;
        double rate = (savedBytes - sampleBytes) * 1e9 / dt;
        lastRate = rate;
        int added = wanted - before;
        if (baseline < 0 || rate > baseline * (1 + (GAIN - 1) * added / before)) {
            baseline = rate;
            if (wanted < cap) {
                before = wanted;
                wanted = Math.min(cap, wanted * 2);
                phaseStart = nowNanos;
                sampleAt = -1;
            } else {
                stopped = true;
            }
        } else {
            wanted = before; // the step did not pay: give it back
            stopped = true;
        }
        return wanted;
    }

    /** No more additions (the server refused ranges, the file is nearly done). */
    void stop() {
        stopped = true;
    }

    int wanted() {
        return wanted;
    }

    boolean stopped() {
        return stopped;
    }

    /** The rate of the last finished measurement, bytes per second (for -v). */
    long lastRate() {
        return Math.round(lastRate);
    }
}
