package dev.haul.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test-only validator must itself be strict, or the round-trip checks prove nothing. */
class StrictJsonTest {

    @Test
    void validDocumentParsesToMapsListsAndValues() {
        Object parsed = StrictJson.parse(" {\"a\":[1,-2.5e3,true,false,null],\"b\":{\"c\":\"\\u00e9\\/\"}} ");
        assertEquals(Map.of("a", Arrays.asList(1L, new java.math.BigDecimal("-2.5e3"), true, false, null),
                "b", Map.of("c", "é/")), parsed);
        assertEquals(List.of(), StrictJson.parse("[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
            "{\"a\":\"\n\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":1}x", "{\"a\":1,\"a\":2}",
            "{\"a\":nul}", "{\"a\" 1}", "\"unterminated", "{\"a\":1}{}"})
    void malformedJsonIsRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(text));
    }
}
