package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the engine reads from a response head. */
class ResponseHeadTest {
    @Test
    void statusAndReasonAreThoseOfTheStatusLine() {
        ResponseHead head = ResponseHeads.of(404);

        assertEquals(404, head.status());
        assertEquals("Not Found", head.reason());
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        ResponseHead head = ResponseHeads.of(302, "location", "/next");

        assertEquals("/next", head.header("Location"));
        assertEquals("/next", head.header("LOCATION"));
    }

    @Test
    void aRepeatedHeaderGivesItsFirstValue() {
        assertEquals("a", ResponseHeads.of(200, "X-Tag", "a", "X-Tag", "b").header("x-tag"));
    }

    @Test
    void anAbsentHeaderIsNull() {
        assertNull(ResponseHeads.of(200).header("Content-Disposition"));
    }

    @Test
    void contentLengthIsTheAnnouncedSize() {
        assertEquals(1234, ResponseHeads.of(200, "Content-Length", "1234").contentLength());
    }

    @Test
    void contentLengthBeyondFourGigabytesIsKept() {
        assertEquals(10_737_418_240L, ResponseHeads.of(200, "Content-Length", "10737418240").contentLength());
    }

    @Test
    void zeroContentLengthIsAnEmptyBodyNotAnUnknownOne() {
        assertEquals(0, ResponseHeads.of(200, "Content-Length", "0").contentLength());
    }

    @Test
    void noContentLengthMeansUnknownSize() {
        assertEquals(-1, ResponseHeads.of(200).contentLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "gzip, chunked"})
    void aChunkedBodyHasUnknownSizeEvenWithAContentLength(String encoding) {
        assertEquals(-1, ResponseHeads.of(200, "Transfer-Encoding", encoding, "Content-Length", "99").contentLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "12abc", "99999999999999999999999", "1.5", ""})
    void anUnusableContentLengthMeansUnknownSize(String value) {
        assertEquals(-1, ResponseHeads.of(200, "Content-Length", value).contentLength());
    }
}
