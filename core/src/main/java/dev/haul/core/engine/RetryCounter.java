package dev.haul.core.engine;

import dev.haul.core.FailureReason;

import java.time.Duration;
import java.util.Optional;

/**
 * Which attempt a transfer is on. A failure that will be retried makes a retry due; the retry
 * is counted when its request is actually sent, however long the wait (a pause included). A new
 * request that is not a retry (unpausing after the connection was let go, continuing a .part
 * the server named) does not count. Loop-confined.
 */
final class RetryCounter {
    private int attempt = 1;
    private boolean due;

    /** The failed attempt's delay before the next, or empty to give up. */
    Optional<Duration> afterFailure(RetryPolicy policy, FailureReason reason, Duration retryAfter) {
        Optional<Duration> delay = policy.next(reason, attempt, retryAfter);
        due = delay.isPresent();
        return delay;
    }

    /** A request goes out: when a retry was due, this is it. */
    void requestSent() {
        if (due) {
            attempt++;
            due = false;
        }
    }

    /** 1 for the first attempt, incremented by each retry. */
    int attempt() {
        return attempt;
    }

    /** Another source is asked now: its retries are counted from the first attempt again. */
    void restart() {
        attempt = 1;
        due = false;
    }
}
