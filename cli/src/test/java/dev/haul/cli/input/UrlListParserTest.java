package dev.haul.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.DownloadRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlListParserTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t", "\r", " \t \r", "# a comment", "#", "   # indented comment",
            "\t#tabbed comment", "# comment with CRLF\r", "#http://example.com/not-a-request"})
    void blankAndCommentLinesYieldNothing(String line) {
        assertEquals(Optional.empty(), UrlListParser.parseLine(line, 1));
    }

    @Test
    void bareUrlBecomesARequestWithoutOptions() {
        DownloadRequest r = request("https://example.com/files/a.iso", 1);
        assertEquals("https://example.com/files/a.iso", r.url().toString());
        assertNull(r.outName());
        assertNull(r.sha256());
    }

    @Test
    void moreUrlsOnALineAreSourcesOfTheSameFile() {
        DownloadRequest r = request("http://a.example/f.iso https://b.example/pub/f.iso?x=1 out=f.iso http://c.example/f.iso", 1);
        assertEquals("http://a.example/f.iso", r.url().toString());
        assertEquals("f.iso", r.outName());
        assertEquals(java.util.List.of("https://b.example/pub/f.iso?x=1", "http://c.example/f.iso"),
                r.mirrors().stream().map(Object::toString).toList());
    }

    @Test
    void aBadSourceMakesTheLineInvalid() {
        var entry = UrlListParser.parseLine("http://a.example/f ftp://b.example/f", 3).orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(entry instanceof ListEntry.Invalid, entry.toString());
    }

    @Test
    void leadingAndTrailingWhitespaceIsNotPartOfTheUrl() {
        assertEquals("http://example.com/a", request("  \thttp://example.com/a  \t", 1).url().toString());
    }

    @Test
    void crlfLineEndingIsStripped() {
        DownloadRequest r = request("http://example.com/a out=b.bin\r", 1);
        assertEquals("http://example.com/a", r.url().toString());
        assertEquals("b.bin", r.outName());
    }

    @Test
    void outAndSha256AreReadInEitherOrderWithAnyWhitespaceBetween() {
        DownloadRequest a = request("http://example.com/a out=a.bin sha256=" + SHA, 1);
        DownloadRequest b = request("http://example.com/a\t sha256=" + SHA + "  \t out=a.bin", 1);
        assertEquals(a, b);
        assertEquals("a.bin", a.outName());
        assertEquals(SHA, a.sha256());
    }

    @Test
    void sha256IsStoredLowercase() {
        assertEquals(SHA, request("http://example.com/a sha256=" + SHA.toUpperCase(), 1).sha256());
    }

    @Test
    void outNameIsKeptRawForTheEngineToSanitize() {
        assertEquals("../etc/x=y", request("http://example.com/a out=../etc/x=y", 1).outName());
    }

    @Test
    void userInfoStaysInTheRequestUrlForAuthentication() {
        assertEquals("bob:pw", request("https://bob:pw@example.com/a", 1).url().getUserInfo());
    }

    @Test
    void byteOrderMarkBeforeTheFirstLineIsIgnored() {
        assertEquals("http://example.com/a", request("\uFEFFhttp://example.com/a", 1).url().toString());
    }

    @Test
    void unsupportedSchemeNamesTheLineAndTheScheme() {
        ListEntry.Invalid bad = invalid("ftp://example.com/a.iso", 3);
        assertEquals("ftp://example.com/a.iso", bad.rawUrl());
        assertEquals("line 3: ftp:// is not supported: haul takes http:// and https:// URLs", bad.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "example.com/a             | line 7: not a URL: it needs http:// or https:// in front, as in http://example.com/a",
            "http:///a                 | line 7: http:// needs a host, as in http://example.org/file",
            "https://:443/a            | line 7: https:// needs a host, as in https://example.org/file",
            "'http://exa mple.com/a'   | line 7: unexpected 'mple.com/a' after the URL (options are out=NAME and sha256=HEX)",
    })
    void badUrlIsInvalidWithAClearMessage(String line, String message) {
        assertEquals(message, invalid(line, 7).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sha256=abc                | sha256= must be 64 hex digits, got 'abc'",
            "sha256=                   | sha256= must be 64 hex digits, got ''",
            "sha256=" + SHA + "0       | sha256= must be 64 hex digits, got '" + SHA + "0'",
            "out=                      | out= needs a file name",
            "out=a out=b               | out= is given twice",
            "sha256=" + SHA + " sha256=" + SHA + " | sha256= is given twice",
            "name=a                    | unknown option 'name=' (options are out=NAME and sha256=HEX)",
            "OUT=a                     | unknown option 'OUT=' (options are out=NAME and sha256=HEX)",
            "a.bin                     | unexpected 'a.bin' after the URL (options are out=NAME and sha256=HEX)",
            "#trailing-comment         | unexpected '#trailing-comment' after the URL (options are out=NAME and sha256=HEX)",
    })
    void badOptionIsInvalidWithAClearMessage(String options, String message) {
        ListEntry.Invalid bad = invalid("http://example.com/a " + options, 12);
        assertEquals("http://example.com/a", bad.rawUrl());
        assertEquals("line 12: " + message, bad.message());
    }

    @Test
    void nonHexSha256IsInvalid() {
        String notHex = SHA.substring(0, 63) + "g";
        assertEquals("line 1: sha256= must be 64 hex digits, got '" + notHex + "'",
                invalid("http://example.com/a sha256=" + notHex, 1).message());
    }

    @Test
    void userInfoIsMaskedInInvalidEntryOfBadScheme() {
        ListEntry.Invalid bad = invalid("ftp://bob:hunter2@example.com/a", 2);
        assertEquals("ftp://***@example.com/a", bad.rawUrl());
        assertFalse(bad.message().contains("hunter2"));
    }

    @Test
    void userInfoIsMaskedInInvalidEntryOfBadOption() {
        ListEntry.Invalid bad = invalid("https://bob:hunter2@example.com/a color=red", 2);
        assertEquals("https://***@example.com/a", bad.rawUrl());
        assertFalse(bad.message().contains("hunter2"));
        assertTrue(bad.message().startsWith("line 2: unknown option 'color='"));
    }

    private static DownloadRequest request(String line, int number) {
        Optional<ListEntry> entry = UrlListParser.parseLine(line, number);
        assertTrue(entry.isPresent(), "expected a request for " + line);
        return assertInstanceOf(ListEntry.Request.class, entry.get()).request();
    }

    private static ListEntry.Invalid invalid(String line, int number) {
        Optional<ListEntry> entry = UrlListParser.parseLine(line, number);
        assertTrue(entry.isPresent(), "expected an invalid entry for " + line);
        return assertInstanceOf(ListEntry.Invalid.class, entry.get());
    }
}
