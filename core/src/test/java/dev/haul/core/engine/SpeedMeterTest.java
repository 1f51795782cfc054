package dev.haul.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The speed a user reads, on virtual time: ticks every 100 ms as the scheduler makes them. */
class SpeedMeterTest {
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIB = 1024 * 1024;

    @Test
    void burstsOfABlockASecondReadAsTheirAverageAtEveryTick() {
        // nginx limit_rate 2m: one 2 MiB block a second, nothing in between
        SpeedMeter meter = new SpeedMeter();
        long now = 0;
        for (int tick = 1; tick <= 300; tick++) {
            now += TICK;
            if (tick % 10 == 3) meter.add(2 * MIB);
            meter.tick(now);
            if (tick > 60) assertWithin(2 * MIB, meter.bytesPerSecond(), 0.03, "tick " + tick);
        }
    }

    @Test
    void burstsEveryTwoAndAHalfSecondsReadAsTheirAverage() {
        SpeedMeter meter = new SpeedMeter();
        long now = 0;
        for (int tick = 1; tick <= 300; tick++) {
            now += TICK;
            if (tick % 25 == 7) meter.add(5 * MIB);
            meter.tick(now);
            if (tick > 60) assertWithin(2 * MIB, meter.bytesPerSecond(), 0.03, "tick " + tick);
        }
    }

    @Test
    void steadyArrivalsReadRightFromTheFirstTicks() {
        SpeedMeter meter = new SpeedMeter();
        long now = 0;
        meter.tick(now); // queued, nothing yet
        for (int tick = 1; tick <= 100; tick++) {
            now += TICK;
            for (int read = 0; read < 8; read++) meter.add(MIB / 8); // 10 MiB/s in many reads
            meter.tick(now);
            if (tick >= 2) assertWithin(10 * MIB, meter.bytesPerSecond(), 0.01, "tick " + tick);
        }
    }

    @Test
    void irregularTicksStillDivideByTheTimeThatPassed() {
        SpeedMeter meter = new SpeedMeter();
        long now = 0;
        meter.tick(now);
        for (int tick = 1; tick <= 200; tick++) {
            long dt = tick % 3 == 0 ? 3 * TICK : TICK / 2; // a busy loop delays some ticks
            now += dt;
            meter.add(MIB * dt / TimeUnit.SECONDS.toNanos(1)); // 1 MiB/s
            meter.tick(now);
            if (tick >= 5) assertWithin(MIB, meter.bytesPerSecond(), 0.01, "tick " + tick);
        }
    }

    @Test
    void aStalledTransferFallsToZeroWithinTheWindow() {
        SpeedMeter meter = new SpeedMeter();
        long now = 0;
        for (int tick = 1; tick <= 60; tick++) {
            now += TICK;
            meter.add(MIB / 10);
            meter.tick(now);
        }
        assertTrue(meter.bytesPerSecond() > 0);
        for (int tick = 1; tick <= 51; tick++) {
            now += TICK;
            meter.tick(now);
        }
        assertEquals(0, meter.bytesPerSecond());
    }

    @Test
    void nothingReceivedReadsZero() {
        SpeedMeter meter = new SpeedMeter();
        meter.tick(0);
        meter.tick(TICK);
        assertEquals(0, meter.bytesPerSecond());
    }

    private static void assertWithin(long expected, long actual, double tolerance, String when) {
        assertTrue(Math.abs(actual - expected) <= expected * tolerance,
                when + ": expected about " + expected + " B/s, read " + actual);
    }
}
