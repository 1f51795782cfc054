package dev.haul.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs a user may give, and how the ones people paste are cleaned up. */
class UrlsParseTest {
    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/f", "https://example.com/f", "HTTP://example.com/f", "HtTpS://example.com/f"})
    void httpAndHttpsAreAcceptedInAnyCase(String raw) {
        assertEquals("example.com", Urls.parse(raw).getHost());
    }

    @Test
    void anIpv6LiteralWithAPortIsAccepted() {
        URI url = Urls.parse("http://[::1]:8080/x");

        assertEquals("[::1]", url.getHost());
        assertEquals(8080, url.getPort());
        assertEquals("/x", url.getRawPath());
    }

    @Test
    void spacesInThePathArePercentEncoded() {
        URI url = Urls.parse("http://h/my file.txt");

        assertEquals("/my%20file.txt", url.getRawPath());
        assertEquals("/my file.txt", url.getPath());
    }

    @Test
    void nonAsciiInThePathIsPercentEncodedAsUtf8() {
        assertEquals("/%C3%BCber/%E6%97%A5.txt", Urls.parse("http://h/über/日.txt").getRawPath());
    }

    @Test
    void existingPercentEscapesAreNotEncodedTwice() {
        assertEquals("/a%20b%2Fc", Urls.parse("http://h/a%20b%2Fc").getRawPath());
    }

    @Test
    void aStrayPercentSignIsEncoded() {
        assertEquals("/100%25", Urls.parse("http://h/100%").getRawPath());
    }

    @Test
    void charactersBrowsersEncodeAreEncoded() {
        assertEquals("q=a%7Cb%5Ec", Urls.parse("http://h/x?q=a|b^c").getRawQuery());
    }

    @Test
    void theQueryIsKept() {
        assertEquals("a=1&b=two", Urls.parse("https://h/x?a=1&b=two").getRawQuery());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ftp://example.com/f",
            "file:///etc/passwd",
            "javascript://example.com/%0aalert(1)",
            "http://",
            "http:///only/a/path",
            "https://:443/",
            "notaurl",
            "example.com/file",
            "http:/example.com/f",
            "",
            "http://h:99999/f",
    })
    void unusableUrlsAreRefused(String raw) {
        assertThrows(IllegalArgumentException.class, () -> Urls.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://h/a\r\nX-Injected: 1",
            "http://h/a\nb",
            "http://h/a\rb",
            "http://h/a\u0000b",
            "http://h/a\tb",
            "http://h/a\u007fb",
            "http://h\r\n/a",
    })
    void controlCharactersAreRefusedRatherThanEncoded(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Urls.parse(raw));
        assertTrue(e.getMessage().contains("control character"), e.getMessage());
    }

    @Test
    void anUnsupportedSchemeIsNamedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Urls.parse("ftp://h/f"));
        assertEquals("ftp:// is not supported: haul takes http:// and https:// URLs", e.getMessage());
    }

    @Test
    void aMissingHostIsNamedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Urls.parse("http:///x"));
        assertEquals("http:// needs a host, as in http://example.org/file", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://              | http:// needs a host, as in http://example.org/file",
            "https://:8443/a      | https:// needs a host, as in https://example.org/file",
            "example.org/a.iso    | not a URL: it needs http:// or https:// in front, as in http://example.org/a.iso",
            "dmeo                 | not a URL: it needs http:// or https:// in front",
            "localhost:8080/x     | not a URL: it needs http:// or https:// in front, as in http://localhost:8080/x",
            "gopher://h/x         | gopher:// is not supported: haul takes http:// and https:// URLs",
    })
    void urlErrorsAreInUserWords(String raw, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Urls.parse(raw));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://user:hunter2@h/f", "http://user:hunter2@/f", "http://user:hunter2@h/\n"})
    void refusalMessagesDoNotRepeatThePassword(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Urls.parse(raw));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void dotSegmentsAreResolved() {
        assertEquals("/b/c", Urls.parse("http://h/a/../b/./c").getRawPath());
    }
}
