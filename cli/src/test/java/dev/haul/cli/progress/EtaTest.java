package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EtaTest {

    @Test
    void readsAsAClock() {
        assertEquals("0:07", Eta.clock(7));
        assertEquals("12:30", Eta.clock(750));
        assertEquals("1:02:03", Eta.clock(3723));
        assertEquals(">99h", Eta.clock(100 * 3600));
    }

    @Test
    void roundsUpSoItNeverSaysZeroWhileBytesRemain() {
        assertEquals("0:01", Eta.of(1, 1000));
        assertEquals("0:00", Eta.of(0, 1000));
    }

    @Test
    void withoutSpeedOrSizeItIsUnknown() {
        assertEquals(Eta.UNKNOWN, Eta.of(100, 0));
        assertEquals(Eta.UNKNOWN, Eta.of(-1, 100));
    }
}
