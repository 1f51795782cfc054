package dev.haul.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Location headers, which may be relative, and where following them leads. */
class UrlsReferenceTest {
    private static final URI BASE = Urls.parse("https://files.example/dir/page.html?x=1");

    /** The URL a redirect from {@code base} leads to, computed the way Transfer.beginRedirect does. */
    private static String followed(URI base, String location) {
        return Urls.parse(base.resolve(Urls.parseReference(location)).toString()).toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/other/file.bin,              https://files.example/other/file.bin",
            "file2.bin,                    https://files.example/dir/file2.bin",
            "../up.bin,                    https://files.example/up.bin",
            "//cdn.example/f.bin,          https://cdn.example/f.bin",
            "http://mirror.example/f.bin,  http://mirror.example/f.bin",
            "'  /padded.bin  ',            https://files.example/padded.bin",
            "/new name.bin,                https://files.example/new%20name.bin",
            "/ü.bin,                       https://files.example/%C3%BC.bin",
    })
    void locationsResolveAgainstTheCurrentUrl(String location, String expected) {
        assertEquals(expected, followed(BASE, location));
    }

    @Test
    void aRelativeLocationFromAUrlWithoutPathGetsASlash() {
        assertEquals("http://h/file.bin", followed(Urls.parse("http://h"), "file.bin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\r\nSet-Cookie: x=1", "/a\nb", "/a\u0000b", "http://evil.example\r/"})
    void locationsWithControlCharactersAreRefused(String location) {
        assertThrows(IllegalArgumentException.class, () -> Urls.parseReference(location));
    }

    @Test
    void aLocationToAnotherSchemeIsRefusedWhenFollowed() {
        assertThrows(IllegalArgumentException.class, () -> followed(BASE, "ftp://files.example/f"));
    }

    @Test
    @Disabled("bug: java.net.URI.resolve follows RFC 2396, so 'Location: ?page=2' drops the last path segment "
            + "(https://files.example/dir/?page=2); RFC 3986 and browsers keep it")
    void aQueryOnlyLocationKeepsTheCurrentPath() {
        assertEquals("https://files.example/dir/page.html?page=2", followed(BASE, "?page=2"));
    }

    @Test
    @Disabled("bug: '..' segments above the root are kept (http://h/../../x is requested); "
            + "RFC 3986 section 5.2.4 removes them, giving http://h/x")
    void dotSegmentsAboveTheRootAreDropped() {
        assertEquals("http://h/x", followed(Urls.parse("http://h/a/b"), "../../../x"));
    }
}
