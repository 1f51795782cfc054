package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Names longer than TargetNames.MAX_BYTES UTF-8 bytes are cut on code point boundaries, keeping short extensions. */
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
    void asciiNameOfTooManyBytesIsCutToExactlyTheLimit() {
        assertEquals("a".repeat(TargetNames.MAX_BYTES), sanitized("a".repeat(300)));
    }

    @Test
    void nameOfExactlyTheLimitIsKept() {
        String name = "b".repeat(TargetNames.MAX_BYTES - 4) + ".bin";
        assertEquals(name, sanitized(name));
    }

    @Test
    void shortExtensionSurvivesTheCut() {
        String name = sanitized("a".repeat(296) + ".bin");
        assertEquals("a".repeat(TargetNames.MAX_BYTES - 4) + ".bin", name);
    }

    @Test
    void doubleExtensionSurvivesTheCut() {
        String name = sanitized("a".repeat(290) + ".tar.gz");
        assertEquals(TargetNames.MAX_BYTES, utf8Bytes(name));
        assertTrue(name.endsWith(".tar.gz"), name);
    }

    @Test
    void longSuffixIsNotTreatedAsAnExtension() {
        String name = sanitized("a".repeat(300) + "." + "b".repeat(20));
        assertEquals("a".repeat(TargetNames.MAX_BYTES), name);
    }

    @Test
    void twoByteCharactersAreNeverSplit() {
        String name = sanitized("\u00e9".repeat(150));
        assertEquals("\u00e9".repeat(TargetNames.MAX_BYTES / 2), name);
        assertValidUtf8(name);
    }

    @Test
    void threeByteCharactersFillTheLimitAsFarAsTheyGo() {
        String name = sanitized("\u20ac".repeat(100));
        assertEquals(TargetNames.MAX_BYTES / 3 * 3, utf8Bytes(name));
        assertValidUtf8(name);
    }

    @Test
    void emojiAreNeverSplitBetweenSurrogates() {
        String name = sanitized("\uD83D\uDE00".repeat(100));
        assertEquals("\uD83D\uDE00".repeat(TargetNames.MAX_BYTES / 4), name);
        assertTrue(utf8Bytes(name) <= TargetNames.MAX_BYTES);
        assertValidUtf8(name);
    }

    @Test
    void multiByteCharacterThatWouldCrossTheLimitIsDropped() {
        int m = TargetNames.MAX_BYTES;
        assertEquals("a".repeat(m - 1), sanitized("a".repeat(m - 1) + "\u00e9"));
        assertEquals("a".repeat(m - 2), sanitized("a".repeat(m - 2) + "\uD83D\uDE00"));
    }

    @Test
    void cutDoesNotLeaveBlanksOrDotsBeforeTheExtension() {
        assertEquals("a.txt", sanitized("a" + " ".repeat(300) + ".txt"));
        assertEquals("a", sanitized("a" + ". ".repeat(200)));
    }

    @Test
    void multiByteNameWithExtensionStaysValidAndShort() {
        String name = sanitized("\u00fc".repeat(200) + ".tar.gz");
        assertTrue(utf8Bytes(name) <= TargetNames.MAX_BYTES);
        assertTrue(name.endsWith(".tar.gz"), name);
        assertValidUtf8(name);
    }
}
