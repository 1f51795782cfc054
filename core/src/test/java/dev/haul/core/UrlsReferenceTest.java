package dev.haul.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Location header values: possibly relative, cleaned up like user URLs, never split by a line break. */
class UrlsReferenceTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/other/file.bin,             /other/file.bin",
            "file2.bin,                   file2.bin",
            "../up.bin,                   ../up.bin",
            "?page=2,                     ?page=2",
            "//cdn.example/f.bin,         //cdn.example/f.bin",
            "'  /padded.bin  ',           /padded.bin",
            "/new name.bin,               /new%20name.bin",
            "/ü.bin,                      /%C3%BC.bin",
            "/a%20b,                      /a%20b",
    })
    void aRelativeReferenceStaysRelativeAndIsEncoded(String location, String expected) {
        assertEquals(expected, Urls.parseReference(location).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://mirror.example/f.bin", "http://[::1]:8080/f"})
    void anAbsoluteReferenceIsKept(String location) {
        assertEquals(location, Urls.parseReference(location).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\r\nSet-Cookie: x=1", "/a\nb", "/a\u0000b", "http://evil.example\r/", "/a\u001bb"})
    void referencesWithControlCharactersAreRefused(String location) {
        assertThrows(IllegalArgumentException.class, () -> Urls.parseReference(location));
    }
}
