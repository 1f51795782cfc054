package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport's one stall timer, on virtual time: what restarts a connection's clock, and what runs it out. */
class StallSweepTest {
    private final EmbeddedExchange wire = new EmbeddedExchange("http://files.example/f.bin");

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    @Test
    void lessThanAStallPeriodAfterTheLastReadIsNotAStall() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");

        wire.timePasses(Duration.ofSeconds(29));

        assertEquals(List.of("response 200", "body"), wire.events);
        assertTrue(wire.channel.isOpen());
    }

    @Test
    void everyReadRestartsTheClock() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
        wire.timePasses(Duration.ofSeconds(20));
        wire.serve("more");

        wire.timePasses(Duration.ofSeconds(20)); // 40 s since the response, 20 since the last read
        assertTrue(wire.channel.isOpen());
        assertEquals(List.of("response 200", "body"), wire.events);

        wire.timePasses(Duration.ofSeconds(10));
        assertEquals(List.of("response 200", "body", "error TIMEOUT"), wire.events);
        assertFalse(wire.channel.isOpen());
    }

    @Test
    void timeHeldOnPurposeIsNotTheServersStall() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
        wire.exchange.pauseReading();
        wire.timePasses(Duration.ofMinutes(5));
        assertTrue(wire.channel.isOpen(), "held: never a stall");

        wire.exchange.resumeReading();
        wire.timePasses(Duration.ofSeconds(29));
        assertTrue(wire.channel.isOpen(), "the clock restarted when reading resumed");

        wire.timePasses(Duration.ofSeconds(1));
        assertEquals(List.of("response 200", "body", "error TIMEOUT"), wire.events);
    }

    @Test
    void aStallTimeoutRoundedToNothingDetectsNoStall() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
        wire.clock.addAndGet(Duration.ofMinutes(10).toNanos());

        Transport.sweepStalls(List.of(wire.connection), wire.clock.get(), 0);

        assertEquals(List.of("response 200", "body"), wire.events);
        assertTrue(wire.channel.isOpen());
    }
}
