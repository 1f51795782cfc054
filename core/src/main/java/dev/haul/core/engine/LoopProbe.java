package dev.haul.core.engine;

import io.netty.channel.EventLoop;

import java.util.concurrent.TimeUnit;

/**
 * Measures the loop's latency budget, when {@code -Dhaul.loopProbe=true} asks for it: a task
 * that asks to run every millisecond records how late it ran, which is how long the loop was busy
 * with other work (I/O, tasks, timers) just before: the longest of those is the longest stretch
 * in which a key, a timer or a read had to wait. It also records the loop thread's CPU time in
 * each stretch, which on a shared, busy machine says more than wall time. Printed on stderr when
 * the JVM exits. Off by default: it wakes the loop a thousand times a second.
 */
final class LoopProbe {
    static final String PROPERTY = "haul.loopProbe";
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Lateness histogram by powers of two of microseconds: 1, 2, 4 … 2^20 µs. */
    private final long[] byPowerOfTwo = new long[22];
    private long expectedAt;
    private long longestNanos;
    private long longestCpuNanos;
    private long cpuAtLastRun = -1;
    private long samples;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    static void startIfAsked(EventLoop loop) {
        if (!Boolean.getBoolean(PROPERTY)) return;
        LoopProbe probe = new LoopProbe();
        loop.execute(() -> {
            probe.expectedAt = System.nanoTime() + PERIOD_NANOS;
            loop.scheduleWithFixedDelay(probe::ran, 1, 1, TimeUnit.MILLISECONDS);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(probe.report()), "haul-loop-probe"));
    }

    /** On the loop. */
    private void ran() {
        long now = System.nanoTime();
        long late = Math.max(0, now - expectedAt);
        // CPU time of the loop thread since the last run: the stretch's own work, whatever else the machine runs
        long cpu = threads.getCurrentThreadCpuTime();
        long cpuStretch = cpuAtLastRun < 0 ? 0 : cpu - cpuAtLastRun;
        cpuAtLastRun = cpu;
        synchronized (this) {
            samples++;
            if (late > longestNanos) longestNanos = late;
            if (cpuStretch > longestCpuNanos) longestCpuNanos = cpuStretch;
            int bucket = 64 - Long.numberOfLeadingZeros(Math.max(1, late / 1000));
            byPowerOfTwo[Math.min(bucket, byPowerOfTwo.length - 1)]++;
        }
        expectedAt = now + PERIOD_NANOS;
    }

    synchronized String report() {
        long over1ms = 0;
        for (int b = 11; b < byPowerOfTwo.length; b++) over1ms += byPowerOfTwo[b]; // bucket 11: 1024 µs and more
        return String.format("haul: loop probe: %d samples, longest busy stretch %.2f ms (%.2f ms of loop CPU), %d over 1 ms, p99 under %s",
                samples, longestNanos / 1e6, longestCpuNanos / 1e6, over1ms, percentile(0.99));
    }

    private String percentile(double q) {
        long want = (long) Math.ceil(samples * q);
        long seen = 0;
        for (int b = 0; b < byPowerOfTwo.length; b++) {
            seen += byPowerOfTwo[b];
            if (seen >= want) return (1L << b) + " µs";
        }
        return "?";
    }
}
