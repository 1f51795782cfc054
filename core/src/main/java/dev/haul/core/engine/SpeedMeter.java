package dev.haul.core.engine;

/**
 * A transfer's recent speed: bytes are counted as they arrive, and once per snapshot tick the
 * count becomes a rate, smoothed so that one slow tick does not make the display jump.
 * Loop-confined; time is passed in, so tests can drive it with virtual time.
 */
final class SpeedMeter {
    private static final double SMOOTHING = 0.3;
    private long sinceTick;
    private double rate;
    private long lastTickNanos = -1;

    void add(long n) {
        sinceTick += n;
    }

    /** Turns the bytes since the previous tick into the smoothed rate. */
    void tick(long nowNanos) {
        if (lastTickNanos >= 0) {
            long dt = nowNanos - lastTickNanos;
            if (dt > 0) {
                double instant = sinceTick * 1e9 / dt;
                rate = rate == 0 ? instant : rate + SMOOTHING * (instant - rate);
            }
        }
        sinceTick = 0;
        lastTickNanos = nowNanos;
    }

    long bytesPerSecond() {
        return Math.round(rate);
    }
}
