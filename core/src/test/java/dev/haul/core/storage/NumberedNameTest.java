package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Candidates for --on-exists rename: NAME, NAME.1, NAME.2, ... */
class NumberedNameTest {

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void zeroIsTheNameItself() {
        assertEquals("a.txt", TargetNames.numbered("a.txt", 0));
    }

    @Test
    void positiveNumbersAreAppendedAfterADot() {
        assertEquals("a.txt.1", TargetNames.numbered("a.txt", 1));
        assertEquals("a.txt.12", TargetNames.numbered("a.txt", 12));
    }

    @Test
    void longNameIsShortenedToFitTheNumber() {
        String name = TargetNames.numbered("a".repeat(TargetNames.MAX_BYTES), 1);
        assertEquals("a".repeat(TargetNames.MAX_BYTES - 2) + ".1", name);
    }

    @Test
    void longNameKeepsItsExtensionBeforeTheNumber() {
        String name = TargetNames.numbered("a".repeat(TargetNames.MAX_BYTES - 7) + ".tar.gz", 7);
        assertEquals("a".repeat(TargetNames.MAX_BYTES - 9) + ".tar.gz.7", name);
        assertEquals(TargetNames.MAX_BYTES, utf8Bytes(name));
    }

    @Test
    void multiByteNameIsShortenedWithoutSplittingCharacters() {
        String name = TargetNames.numbered("\u20ac".repeat(TargetNames.MAX_BYTES / 3), 10);
        assertTrue(utf8Bytes(name) <= TargetNames.MAX_BYTES);
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(name));
        assertEquals("\u20ac".repeat((TargetNames.MAX_BYTES - 3) / 3) + ".10", name);
    }

    @Test
    void candidatesForALongNameAreAllDistinctAndShortEnough() {
        String base = "\uD83D\uDE00".repeat(TargetNames.MAX_BYTES / 4 - 2) + "x.bin";
        Set<String> seen = new HashSet<>();
        for (int n = 0; n <= 1000; n++) {
            String candidate = TargetNames.numbered(base, n);
            assertTrue(utf8Bytes(candidate) <= TargetNames.MAX_BYTES, candidate);
            assertTrue(seen.add(candidate), "repeated: " + candidate);
        }
    }

    @Test
    void largestNumberStillFits() {
        String name = TargetNames.numbered("z".repeat(TargetNames.MAX_BYTES), Integer.MAX_VALUE);
        assertEquals(TargetNames.MAX_BYTES, utf8Bytes(name));
        assertTrue(name.endsWith("." + Integer.MAX_VALUE));
    }

    @Test
    void negativeNumberIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TargetNames.numbered("a", -1));
    }

    @Test
    void emptyNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TargetNames.numbered("", 1));
    }
}
