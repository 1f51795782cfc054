package dev.haul.core.resume;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContentRangeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bytes 0-99/100      | 0   | 99  | 100",
            "bytes 10-19/*       | 10  | 19  | -1",
            "BYTES 5-5/6         | 5   | 5   | 6",
            "bytes */100         | -1  | -1  | 100",
    })
    void parsesTheForms(String header, long start, long end, long total) {
        assertEquals(new ContentRange(start, end, total), ContentRange.parse(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes", "bytes 5-4/10", "bytes 0-10/10", "bytes -1-5/10", "items 0-1/2",
            "bytes 0-x/10", "bytes */*", "bytes 0-5"})
    void rejectsMalformedHeaders(String header) {
        assertNull(ContentRange.parse(header));
    }
}
