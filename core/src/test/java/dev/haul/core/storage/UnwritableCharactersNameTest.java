package dev.haul.core.storage;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Under a locale whose file-name charset cannot hold a character (LANG=C: ASCII), the name gets
 * {@code _} for it instead of failing the transfer; a UTF-8 platform keeps every name as chosen.
 */
class UnwritableCharactersNameTest {
    private static final Charset ASCII = StandardCharsets.US_ASCII;

    @Test
    void aUrlNameWithAnAccentGetsAnUnderscoreUnderAscii() {
        assertEquals("caf_.txt", TargetNames.choose(null, null, URI.create("http://h/caf%C3%A9.txt"), ASCII));
    }

    @Test
    void anOutNameWithCharactersOutsideLatin1KeepsThoseItCanWrite() {
        assertEquals("café_.txt", TargetNames.choose("café€.txt", null, null, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aContentDispositionNameIsMadeWritableToo() {
        assertEquals("na_ve_.pdf", TargetNames.choose(null, "attachment; filename*=UTF-8''na%C3%AFve%F0%9F%98%80.pdf",
                URI.create("http://h/x"), ASCII));
    }

    @Test
    void utf8PlatformsKeepTheNameAsChosen() {
        assertEquals("café😀.txt", TargetNames.choose("café😀.txt", null, null, StandardCharsets.UTF_8));
    }

    @Test
    void asciiNamesAreNeverChanged() {
        assertEquals("plain-name_1.tar.gz", TargetNames.choose(null, null, URI.create("http://h/plain-name_1.tar.gz"), ASCII));
    }

    @Test
    void theArgumentDecoderReplacementCharacterBecomesAnUnderscore() {
        // java -jar under LANG=C reads -o café.txt as "caf\uFFFD\uFFFD.txt"
        assertEquals("caf__.txt", TargetNames.choose("caf\uFFFD\uFFFD.txt", null, null, ASCII));
    }
}
