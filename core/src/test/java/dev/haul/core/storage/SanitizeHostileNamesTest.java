package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names a hostile or careless server (or user) might offer, and what is left of them. */
class SanitizeHostileNamesTest {

    static Stream<Arguments> hostileNames() {
        return Stream.of(
                keeps("dot dot slash keeps only the base name", "../x", "x"),
                keeps("dot dot backslash keeps only the base name", "..\\x", "x"),
                keeps("absolute path keeps only the base name", "/etc/passwd", "passwd"),
                keeps("windows path keeps only the base name", "C:\\Windows\\win.ini", "win.ini"),
                keeps("mixed separators keep what follows the last one", "a/b\\c/d.txt", "d.txt"),
                empty("dot dot alone is empty", ".."),
                empty("single dot is empty", "."),
                empty("three dots are empty", "..."),
                empty("trailing slash leaves nothing", "dir/"),
                empty("path ending in dot dot is empty", "x/.."),
                empty("empty string is empty", ""),
                empty("blanks only are empty", " \t "),
                empty("nul alone is empty", "\u0000"),
                keeps("leading dot of a hidden file is stripped", ".bashrc", "bashrc"),
                keeps("dots and blanks mixed at the start are stripped", ". . .profile", "profile"),
                keeps("nul inside is removed", "a\u0000b.txt", "ab.txt"),
                keeps("nul before a separator does not hide it", "a\u0000/../b", "b"),
                keeps("carriage return and line feed are removed", "line\r\nbreak.txt", "linebreak.txt"),
                keeps("tab is removed", "tab\there.txt", "tabhere.txt"),
                keeps("escape sequences lose their escape", "\u001b[31mred.txt", "[31mred.txt"),
                keeps("delete is removed", "del\u007f.txt", "del.txt"),
                keeps("c1 controls are removed", "c1\u0085\u009b.txt", "c1.txt"),
                keeps("bidi override is removed", "evil\u202Etxt.exe", "eviltxt.exe"),
                keeps("unicode line separator is removed", "two\u2028lines.txt", "twolines.txt"),
                keeps("lone surrogate is removed", "a\uD800b.txt", "ab.txt"),
                keeps("surrounding whitespace is trimmed", "  padded.txt \t", "padded.txt"),
                keeps("no-break space at the start is trimmed", "\u00a0.x", "x"),
                keeps("trailing dot is stripped", "name.txt.", "name.txt"),
                keeps("trailing dots and blanks are stripped", "name.txt . ", "name.txt"),
                keeps("inner spaces are kept", "my report.pdf", "my report.pdf"),
                keeps("part suffix is fine", "archive.tar.gz.part", "archive.tar.gz.part"),
                keeps("accented letters are kept", "na\u00efve.txt", "na\u00efve.txt"),
                keeps("emoji are kept", "\uD83D\uDE00.png", "\uD83D\uDE00.png"),
                keeps("emoji joined by zero width joiner are kept",
                        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67.txt",
                        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67.txt"),
                keeps("percent escapes are not decoded by sanitize", "%2e%2e%2f", "%2e%2e%2f"));
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostileNameIsReducedToASafeBaseName(String raw, Optional<String> expected) {
        assertEquals(expected, TargetNames.sanitize(raw));
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void sanitizingTwiceChangesNothing(String raw, Optional<String> ignored) {
        Optional<String> once = TargetNames.sanitize(raw);
        assertEquals(once, once.flatMap(TargetNames::sanitize));
    }

    private static Arguments keeps(String fact, String raw, String expected) {
        return argumentSet(fact, raw, Optional.of(expected));
    }

    private static Arguments empty(String fact, String raw) {
        return argumentSet(fact, raw, Optional.empty());
    }
}
