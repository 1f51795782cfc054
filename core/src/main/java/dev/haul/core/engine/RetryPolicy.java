package dev.haul.core.engine;

import dev.haul.core.FailureReason;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again, as a pure function of the failure, the attempts so far and the server's
 * Retry-After. Exponential back-off from 1 s, doubling up to 30 s, with jitter so that many
 * transfers failing together do not come back together.
 */
final class RetryPolicy {
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(30);
    /** A Retry-After beyond this is not worth waiting for in a download run. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final int maxRetries;
    private final DoubleSupplier random;

    /** @param random values in [0, 1): the jitter source (a fixed one in tests) */
    RetryPolicy(int maxRetries, DoubleSupplier random) {
        this.maxRetries = maxRetries;
        this.random = random;
    }

    /**
     * @param failedAttempts attempts that have failed so far, this one included (1 after the first)
     * @param retryAfter     the server's Retry-After, already parsed, or null
     * @return the delay before the next attempt, or empty to give up
     */
    Optional<Duration> next(FailureReason reason, int failedAttempts, Duration retryAfter) {
        if (!reason.retryable() || failedAttempts > maxRetries) return Optional.empty();
        if (retryAfter != null) {
            if (retryAfter.compareTo(MAX_RETRY_AFTER) > 0) return Optional.empty();
            return Optional.of(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
        long backoff = BASE.toMillis() << Math.min(failedAttempts - 1, 20);
        backoff = Math.min(backoff, CAP.toMillis());
        long jittered = (long) (backoff * (0.5 + 0.5 * random.getAsDouble()));
        return Optional.of(Duration.ofMillis(jittered));
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unparsable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
