package dev.haul.core.proxy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IpLiteralTest {
    @Test
    void readsDottedQuads() {
        assertArrayEquals(new byte[] {10, 0, (byte) 255, 1}, IpLiteral.parse("10.0.255.1"));
    }

    @Test
    void readsIpv6WithAndWithoutZone() {
        assertEquals(16, IpLiteral.parse("fe80::1").length);
        assertEquals(16, IpLiteral.parse("fe80::1%eth0").length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "01234.1.1.1",
            "1.2.3.4a", "::g", "dead:beef:zz::", "a.b.c.d", "1..2.3"})
    void refusesWhatIsNotAnAddressWithoutAskingDns(String text) {
        assertNull(IpLiteral.parse(text));
    }
}
