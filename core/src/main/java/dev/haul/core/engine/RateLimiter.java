package dev.haul.core.engine;

import java.util.ArrayDeque;

/**
 * One token bucket for all transfers together ({@code --limit-rate}). A transfer spends tokens
 * for the bytes it has read; once the bucket is empty it stops reading from its socket and waits
 * here, and each tick refills the bucket and lets waiters read again, oldest first. No sleeping
 * and no thread of its own: the loop calls {@link #tick} on a timer. Time is passed in, so tests
 * run it on virtual time. Loop-confined.
 */
final class RateLimiter {
    private final long bytesPerSecond;
    /** The most a quiet period can save up: a tenth of a second's worth (at least 16 KiB). */
    private final long burst;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private double tokens;
    private long lastTickNanos;

    RateLimiter(long bytesPerSecond, long nowNanos) {
        this.bytesPerSecond = bytesPerSecond;
        this.burst = Math.max(16 * 1024, bytesPerSecond / 10);
        this.tokens = burst;
        this.lastTickNanos = nowNanos;
    }

    /** Spends {@code n} tokens (the bucket may go below zero). True when the reader must now wait. */
    boolean spend(long n) {
        tokens -= n;
        return tokens <= 0;
    }

    /** Queues a reader that stopped; {@code resume} runs (on the loop) once there are tokens again. */
    void await(Runnable resume) {
        waiting.addLast(resume);
    }

    /** Refills for the time passed and wakes waiters while tokens last. */
    void tick(long nowNanos) {
        long dt = nowNanos - lastTickNanos;
        lastTickNanos = nowNanos;
        if (dt > 0) tokens = Math.min(burst, tokens + bytesPerSecond * (dt / 1e9));
        // Each woken reader will spend at least one read's worth; wake them one by one while
        // there is something to spend, so the bucket is not overdrawn by a crowd at once.
        double budget = tokens;
        while (budget > 0 && !waiting.isEmpty()) {
            waiting.pollFirst().run();
            budget -= readQuantum();
        }
    }

    /** The largest single read a transport should make while limited: a twentieth of a second's worth. */
    long readQuantum() {
        return Math.max(4096, Math.min(1 << 20, bytesPerSecond / 20));
    }
}
