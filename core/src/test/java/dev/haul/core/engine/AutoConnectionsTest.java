package dev.haul.core.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -x auto}'s decisions, on virtual time: a server model says what rate n connections get. */
class AutoConnectionsTest {
    private static final long TICK = 250_000_000L;

    /** Runs the controller for {@code seconds} of virtual time against rate(n) bytes per second. */
    private static AutoConnections run(AutoConnections auto, java.util.function.IntToLongFunction rate, int seconds) {
        long now = 0;
        long bytes = 0;
        for (int i = 0; i < seconds * 4; i++) {
            now += TICK;
            bytes += rate.applyAsLong(auto.wanted()) / 4;
            auto.update(now, bytes);
        }
        return auto;
    }

    @Test
    void aServerThatCapsEachConnectionGetsConnectionsUpToSixteen() {
        AutoConnections auto = run(new AutoConnections(1, 16, 0), n -> n * 1_000_000L, 120);
        assertEquals(16, auto.wanted());
        assertTrue(auto.stopped());
    }

    @Test
    void aSaturatedLinkStopsAtTheFirstAdditionThatDidNotHelp() {
        // One connection gets 8 MB/s, two get 10, four still 10 (the link is full).
        AutoConnections auto = run(new AutoConnections(1, 16, 0), n -> n == 1 ? 8_000_000L : 10_000_000L, 60);
        assertEquals(2, auto.wanted(), "the second one raised it 25 %, the next two nothing: back to two");
        assertTrue(auto.stopped());
    }

    @Test
    void aGainOfTenPercentOrLessIsNotEnough() {
        AutoConnections auto = run(new AutoConnections(1, 16, 0), n -> n == 1 ? 10_000_000L : 11_000_000L, 60);
        assertEquals(1, auto.wanted());
        assertTrue(auto.stopped());
    }

    @Test
    void theRampToSixteenTakesSecondsNotMinutes() {
        AutoConnections auto = run(new AutoConnections(1, 16, 0), n -> n * 1_000_000L, 6);
        assertEquals(16, auto.wanted());
    }

    @Test
    void perHostCapsTheCount() {
        AutoConnections auto = run(new AutoConnections(1, 3, 0), n -> n * 1_000_000L, 60);
        assertEquals(3, auto.wanted());
    }

    @Test
    void nothingIsAddedBeforeTheFirstMeasurementEnds() {
        AutoConnections auto = new AutoConnections(1, 16, 0);
        assertEquals(1, auto.update(AutoConnections.SETTLE_NANOS, 0));
        assertEquals(1, auto.update(AutoConnections.SETTLE_NANOS + AutoConnections.WINDOW_NANOS - 1, 5_000_000));
        assertEquals(2, auto.update(AutoConnections.SETTLE_NANOS + AutoConnections.WINDOW_NANOS, 5_000_000));
        assertFalse(auto.stopped());
    }

    @Test
    void severalSourcesStartWithOneConnectionEach() {
        assertEquals(3, new AutoConnections(3, 16, 0).wanted());
    }
}
