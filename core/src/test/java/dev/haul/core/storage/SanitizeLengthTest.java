package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Names longer than 255 UTF-8 bytes are cut on code point boundaries, keeping short extensions. */
class SanitizeLengthTest {

    private static String sanitized(String raw) {
        return TargetNames.sanitize(raw).orElseThrow();
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void assertValidUtf8(String s) {
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(s), "not encodable as UTF-8: " + s);
    }

    @Test
    void asciiNameOf300BytesIsCutToExactly255() {
        assertEquals("a".repeat(255), sanitized("a".repeat(300)));
    }

    @Test
    void nameOfExactly255BytesIsKept() {
        String name = "b".repeat(251) + ".bin";
        assertEquals(name, sanitized(name));
    }

    @Test
    void shortExtensionSurvivesTheCut() {
        String name = sanitized("a".repeat(296) + ".bin");
        assertEquals("a".repeat(251) + ".bin", name);
    }

    @Test
    void doubleExtensionSurvivesTheCut() {
        String name = sanitized("a".repeat(290) + ".tar.gz");
        assertEquals(255, utf8Bytes(name));
        assertTrue(name.endsWith(".tar.gz"), name);
    }

    @Test
    void longSuffixIsNotTreatedAsAnExtension() {
        String name = sanitized("a".repeat(300) + "." + "b".repeat(20));
        assertEquals("a".repeat(255), name);
    }

    @Test
    void twoByteCharactersAreNeverSplit() {
        String name = sanitized("\u00e9".repeat(150));
        assertEquals("\u00e9".repeat(127), name);
        assertValidUtf8(name);
    }

    @Test
    void threeByteCharactersFillExactly255Bytes() {
        String name = sanitized("\u20ac".repeat(100));
        assertEquals(255, utf8Bytes(name));
        assertValidUtf8(name);
    }

    @Test
    void emojiAreNeverSplitBetweenSurrogates() {
        String name = sanitized("\uD83D\uDE00".repeat(100));
        assertEquals("\uD83D\uDE00".repeat(63), name);
        assertTrue(utf8Bytes(name) <= 255);
        assertValidUtf8(name);
    }

    @Test
    void multiByteCharacterThatWouldCrossTheLimitIsDropped() {
        assertEquals("a".repeat(254), sanitized("a".repeat(254) + "\u00e9"));
        assertEquals("a".repeat(253), sanitized("a".repeat(253) + "\uD83D\uDE00"));
    }

    @Test
    void cutDoesNotLeaveBlanksOrDotsBeforeTheExtension() {
        assertEquals("a.txt", sanitized("a" + " ".repeat(300) + ".txt"));
        assertEquals("a", sanitized("a" + ". ".repeat(200)));
    }

    @Test
    void multiByteNameWithExtensionStaysValidAndShort() {
        String name = sanitized("\u00fc".repeat(200) + ".tar.gz");
        assertTrue(utf8Bytes(name) <= 255);
        assertTrue(name.endsWith(".tar.gz"), name);
        assertValidUtf8(name);
    }
}
