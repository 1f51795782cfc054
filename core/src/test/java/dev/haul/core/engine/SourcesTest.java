package dev.haul.core.engine;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcesTest {
    private static Sources of(String... urls) {
        return new Sources(java.util.Arrays.stream(urls).map(URI::create).toList());
    }

    @Test
    void theSidecarGetsNoUserInfoAndReadsBack() {
        Sources s = of("http://a.example/f", "https://bob:secret@b.example:8443/pub/f?v=1");
        String recorded = s.recorded();
        assertEquals("http://a.example/f https://b.example:8443/pub/f?v=1", recorded);
        assertEquals(List.of(URI.create("http://a.example/f"), URI.create("https://b.example:8443/pub/f?v=1")),
                Sources.parseRecorded(recorded));
    }

    @Test
    void recordedSourcesAddOnlyWhatIsNew() {
        Sources s = of("http://a.example/f", "http://bob:pw@b.example/f");
        s.addRecorded("http://a.example/f http://b.example/f http://c.example/f ftp://d.example/f not-a-url");
        assertEquals(3, s.size());
        assertEquals("http://c.example/f", s.all().get(2).masked);
    }

    @Test
    void messagesMaskUserInfo() {
        Sources s = of("http://a.example/f", "http://bob:pw@b.example/f");
        assertEquals(List.of("http://a.example/f", "http://***@b.example/f"), s.shown());
    }

    @Test
    void theLeastBusyReadySourceGetsTheNextConnection() {
        Sources s = of("http://a.example/f", "http://b.example/f", "http://c.example/f");
        s.all().get(0).active = 2;
        s.all().get(1).active = 1;
        s.all().get(2).active = 1;
        s.all().get(1).notBefore = 1_000; // backing off
        assertSame(s.all().get(2), s.leastBusy(0));
        assertSame(s.all().get(1), s.leastBusy(1_000));
    }

    @Test
    void aSourceIsDroppedOnceAndThePrimaryMovesOn() {
        Sources s = of("http://a.example/f", "http://b.example/f");
        assertTrue(s.drop(s.primary()));
        assertFalse(s.drop(s.all().get(0)));
        assertEquals("http://b.example/f", s.primary().masked);
        assertEquals(List.of("http://b.example/f"), s.shown());
        assertTrue(s.drop(s.primary()));
        assertNull(s.primary());
        assertNull(s.leastBusy(0));
    }
}
