package dev.haul.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonStringEscapingTest {

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder();
        JsonEventWriter.quote(out, s);
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "say \"hi\"       | \"say \\\"hi\\\"\"",
            "C:\\dir\\file    | \"C:\\\\dir\\\\file\"",
            "a/b              | \"a/b\"",
    })
    void quoteAndBackslashAreEscapedAndSlashIsNot(String raw, String json) {
        assertEquals(json, quoted(raw));
    }

    @Test
    void commonControlCharactersUseShortEscapes() {
        assertEquals("\"\\n\\r\\t\\b\\f\"", quoted("\n\r\t\b\f"));
    }

    @Test
    void otherControlCharactersAndDeleteUseLowercaseUnicodeEscapes() {
        assertEquals("\"\\u0000\\u0001\\u001b[31m\\u001f\\u007f\"", quoted("\0\u0001\u001b[31m\u001f\u007f"));
    }

    @Test
    void lineAndParagraphSeparatorsAreEscaped() {
        assertEquals("\"\\u2028\\u2029\"", quoted("\u2028\u2029"));
    }

    @Test
    void nonAsciiTextAndSurrogatePairsPassThroughUnchanged() {
        String text = "café 東京 😀 ü";
        assertEquals("\"" + text + "\"", quoted(text));
    }

    @Test
    void unpairedSurrogatesAreEscapedSoNothingIsLostInUtf8() {
        assertEquals("\"a\\ud800b\\udc00\"", quoted("a\ud800b\udc00"));
    }

    @Test
    void everyCharOfTheBasicPlaneRoundTripsThroughAStrictParser() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            String json = quoted(one);
            String where = String.format("U+%04X as %s", c, json);
            assertEquals(one, StrictJson.parse(json), where);
            assertFalse(json.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f), where);
        }
    }

    @Test
    void hostileFailureMessageStaysOneParsableLine() {
        String message = "bad header \"X\"\r\n\u001b]0;pwned\u0007 \\ end";
        TransferSnapshot t = new TransferSnapshot(9, "http://example.com/\"q\"", "x", Path.of("x"),
                TransferState.FAILED, 0, -1, 0, 1);
        String line = new JsonEventWriter(null).format(
                new TransferEvent.Finished(t, new Outcome.Failed(FailureReason.PROTOCOL, message, 0)));
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u001b"), line);
        var json = StrictJson.parseObject(line);
        assertEquals(message, json.get("message"));
        assertEquals("http://example.com/\"q\"", json.get("url"));
        assertTrue(json.containsKey("http_status") && json.get("http_status") == null);
    }
}
