package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {
    private final RetryPolicy noJitterTop = new RetryPolicy(5, () -> 0.999999);
    private final RetryPolicy lowest = new RetryPolicy(5, () -> 0.0);

    @Test
    void backOffDoublesFromOneSecondUpToThirtyWithJitterBelowIt() {
        long[] expectedMax = {1000, 2000, 4000, 8000, 16000};
        for (int i = 0; i < expectedMax.length; i++) {
            long top = noJitterTop.next(FailureReason.CONNECTION_RESET, i + 1, null).orElseThrow().toMillis();
            long bottom = lowest.next(FailureReason.CONNECTION_RESET, i + 1, null).orElseThrow().toMillis();
            assertTrue(top <= expectedMax[i] && top >= expectedMax[i] - 1, "attempt " + (i + 1) + ": " + top);
            assertEquals(expectedMax[i] / 2, bottom);
        }
        RetryPolicy many = new RetryPolicy(50, () -> 0.999999);
        assertTrue(many.next(FailureReason.TIMEOUT, 12, null).orElseThrow().toMillis() <= 30_000);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        assertTrue(lowest.next(FailureReason.TIMEOUT, 5, null).isPresent());
        assertTrue(lowest.next(FailureReason.TIMEOUT, 6, null).isEmpty());
        assertTrue(new RetryPolicy(0, () -> 0).next(FailureReason.TIMEOUT, 1, null).isEmpty());
    }

    @Test
    void neverRetriesWhatTheContractSaysNotTo() {
        for (FailureReason r : new FailureReason[] {FailureReason.HTTP_ERROR, FailureReason.TLS,
                FailureReason.CHECKSUM_MISMATCH, FailureReason.STORAGE, FailureReason.DNS_FAILED}) {
            assertEquals(Optional.empty(), lowest.next(r, 1, null), r.name());
        }
    }

    @Test
    void retryAfterWinsOverTheBackOff() {
        assertEquals(Duration.ofSeconds(7), lowest.next(FailureReason.HTTP_RETRYABLE, 1, Duration.ofSeconds(7)).orElseThrow());
        assertTrue(lowest.next(FailureReason.HTTP_RETRYABLE, 1, Duration.ofHours(2)).isEmpty());
    }

    @Test
    void parsesRetryAfterSecondsAndDates() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals(Duration.ofSeconds(120), RetryPolicy.parseRetryAfter("120", now));
        assertEquals(Duration.ofSeconds(90), RetryPolicy.parseRetryAfter("Thu, 26 Nov 2026 10:01:30 GMT", now));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Thu, 26 Nov 2026 09:00:00 GMT", now));
        assertNull(RetryPolicy.parseRetryAfter("soon", now));
        assertNull(RetryPolicy.parseRetryAfter("-5", now));
        assertNull(RetryPolicy.parseRetryAfter(null, now));
    }
}
