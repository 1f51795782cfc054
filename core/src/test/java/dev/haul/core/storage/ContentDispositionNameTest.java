package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentDispositionNameTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                name("extended filename wins over plain filename",
                        "attachment; filename*=UTF-8''%E2%82%AC%20rates.txt; filename=\"fallback.txt\"", "\u20ac rates.txt"),
                name("extended filename wins even when it comes second",
                        "attachment; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt", "\u20ac rates.txt"),
                name("parameter names and charset are case-insensitive",
                        "attachment; FileName*=utf-8''na%C3%AFve.txt", "na\u00efve.txt"),
                name("iso-8859-1 extended filename is decoded",
                        "attachment; filename*=ISO-8859-1'en'%A3%20rates.txt", "\u00a3 rates.txt"),
                name("quoted extended filename is accepted leniently",
                        "attachment; filename*=\"UTF-8''quoted%20ext.txt\"", "quoted ext.txt"),
                name("escaped quote inside a quoted filename is unescaped",
                        "attachment; filename=\"a\\\"b.txt\"", "a\"b.txt"),
                name("uppercase token filename is read", "inline; FILENAME=report.pdf", "report.pdf"),
                name("token filename stops at the next parameter", "attachment;filename=token.bin;size=10", "token.bin"),
                name("semicolon inside quotes is part of the name", "attachment; filename=\"a;b.txt\"", "a;b.txt"),
                name("blanks around the equals sign are allowed", "attachment; filename = \"spaced.txt\" ", "spaced.txt"),
                name("unterminated quote runs to the end", "attachment; filename=\"unterminated.txt", "unterminated.txt"),
                name("path in filename keeps only the base name", "attachment; filename=\"/etc/passwd\"", "passwd"),
                name("escaped backslash path keeps only the base name",
                        "attachment; filename=\"..\\\\..\\\\win.ini\"", "win.ini"),
                name("unescaped backslash path cannot climb either",
                        "attachment; filename=\"..\\..\\win.ini\"", "win.ini"),
                name("traversal hidden in an extended filename keeps only the base name",
                        "attachment; filename*=UTF-8''evil%00%2F..%2F.bashrc", "bashrc"),
                name("unusable extended filename falls back to plain filename",
                        "attachment; filename*=UTF-8''%2e%2e%2f; filename=\"safe.txt\"", "safe.txt"),
                name("unknown charset falls back to plain filename",
                        "attachment; filename*=KOI8-R''%F0; filename=\"plain.txt\"", "plain.txt"),
                name("malformed utf-8 falls back to plain filename",
                        "attachment; filename*=UTF-8''%FF.txt; filename=\"plain.txt\"", "plain.txt"),
                name("raw utf-8 bytes in plain filename are read as utf-8",
                        "attachment; filename=\"r\u00c3\u00a9sum\u00c3\u00a9.pdf\"", "r\u00e9sum\u00e9.pdf"),
                name("genuine latin-1 in plain filename is kept",
                        "attachment; filename=\"caf\u00e9.txt\"", "caf\u00e9.txt"),
                none("dot dot filename is unusable", "attachment; filename=\"..\""),
                none("disposition type alone has no name", "attachment"),
                none("empty header has no name", ""),
                none("extended filename without apostrophes is unusable", "attachment; filename*=UTF-8%20x.txt"),
                none("other parameters are not names", "attachment; name=\"field\"; size=3"));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void headerYieldsSanitizedName(String header, Optional<String> expected) {
        assertEquals(expected, TargetNames.fromContentDisposition(header));
    }

    @Test
    void missingHeaderHasNoName() {
        assertEquals(Optional.empty(), TargetNames.fromContentDisposition(null));
    }

    private static Arguments name(String fact, String header, String expected) {
        return argumentSet(fact, header, Optional.of(expected));
    }

    private static Arguments none(String fact, String header) {
        return argumentSet(fact, header, Optional.empty());
    }
}
