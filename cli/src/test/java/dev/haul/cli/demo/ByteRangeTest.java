package dev.haul.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {
    private static final String ETAG = "\"abc-3e8\"";
    private static final String DATE = "Mon, 02 Jun 2025 12:00:00 GMT";

    @ParameterizedTest(name = "[{index}] Range: {0} of 1000 bytes -> {1} {2}-{3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL             | WHOLE         | 0   | 999",
            "bytes=0-99       | PARTIAL       | 0   | 99",
            "bytes=100-       | PARTIAL       | 100 | 999",
            "bytes=990-5000   | PARTIAL       | 990 | 999",
            "bytes=-10        | PARTIAL       | 990 | 999",
            "bytes=-5000      | PARTIAL       | 0   | 999",
            "bytes=999-999    | PARTIAL       | 999 | 999",
            "BYTES=5-6        | PARTIAL       | 5   | 6",
            "bytes=1000-      | UNSATISFIABLE | 0   | -1",
            "bytes=1000-2000  | UNSATISFIABLE | 0   | -1",
            "bytes=-0         | UNSATISFIABLE | 0   | -1",
            "bytes=5-4        | WHOLE         | 0   | 999",
            "bytes=0-1,5-6    | WHOLE         | 0   | 999",
            "items=0-10       | WHOLE         | 0   | 999",
            "bytes=-          | WHOLE         | 0   | 999",
            "bytes = 5-6      | WHOLE         | 0   | 999",
            "bytes=abc        | WHOLE         | 0   | 999",
            "bytes=+1-5       | WHOLE         | 0   | 999",
            "bytes=1--5       | WHOLE         | 0   | 999",
            "bytes=99999999999999999999- | WHOLE | 0 | 999",
    })
    void rangeHeaderSelectsTheAnswer(String range, ByteRange.Kind kind, long first, long last) {
        assertEquals(new ByteRange(kind, first, last), ByteRange.select(range, null, ETAG, DATE, 1000));
    }

    @ParameterizedTest(name = "[{index}] If-Range: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"abc-3e8\"                     | PARTIAL",
            "Mon, 02 Jun 2025 12:00:00 GMT   | PARTIAL",
            "\"other\"                       | WHOLE",
            "W/\"abc-3e8\"                   | WHOLE",
            "Tue, 03 Jun 2025 12:00:00 GMT   | WHOLE",
    })
    void ifRangeHonoursTheRangeOnlyForTheCurrentValidator(String ifRange, ByteRange.Kind kind) {
        assertEquals(kind, ByteRange.select("bytes=10-19", ifRange, ETAG, DATE, 1000).kind());
    }

    @org.junit.jupiter.api.Test
    void anEmptyFileHasNoSatisfiableRange() {
        assertEquals(ByteRange.Kind.UNSATISFIABLE, ByteRange.select("bytes=0-", null, ETAG, DATE, 0).kind());
        assertEquals(ByteRange.Kind.UNSATISFIABLE, ByteRange.select("bytes=-1", null, ETAG, DATE, 0).kind());
        assertEquals(0, ByteRange.select(null, null, ETAG, DATE, 0).length());
    }

    @org.junit.jupiter.api.Test
    void aFailedIfRangeTurnsEvenAnUnsatisfiableRangeIntoTheWholeFile() {
        assertEquals(ByteRange.Kind.WHOLE, ByteRange.select("bytes=5000-", "\"old\"", ETAG, DATE, 1000).kind());
    }
}
