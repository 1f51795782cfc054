package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UrlNameTest {

    static Stream<Arguments> urls() {
        return Stream.of(
                name("last segment is the name", "http://h/a/b/file.txt", "file.txt"),
                name("query and fragment are ignored", "http://h/a/file.txt?x=1&y=/z.bin#frag/q", "file.txt"),
                name("trailing slash uses the last non-empty segment", "http://h/a/dir/", "dir"),
                name("percent escapes are decoded as utf-8", "http://h/na%C3%AFve%20file.txt", "na\u00efve file.txt"),
                name("emoji escapes are decoded", "http://h/%F0%9F%98%80.png", "\uD83D\uDE00.png"),
                name("percent escapes are decoded only once", "http://h/100%2541.txt", "100%41.txt"),
                name("invalid utf-8 escape is kept literally", "http://h/bad%FFbyte.bin", "bad%FFbyte.bin"),
                name("overlong slash is kept literally", "http://h/x%C0%AFy", "x%C0%AFy"),
                name("encoded traversal keeps only the base name", "http://h/%2e%2e%2fetc%2fpasswd", "passwd"),
                name("encoded backslash traversal keeps only the base name", "http://h/x%5C..%5Cwin.ini", "win.ini"),
                name("encoded nul is removed", "http://h/a%00b.txt", "ab.txt"),
                name("encoded leading dot is stripped", "http://h/%2Ebashrc", "bashrc"),
                none("encoded dot dot slash segment is unusable", "http://h/a/%2e%2e%2f"),
                none("literal dot dot segment is unusable", "http://h/a/.."),
                none("root path has no name", "http://h/"),
                none("empty path has no name", "http://h"),
                none("opaque uri has no name", "mailto:someone@example.com"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void urlYieldsSanitizedName(String url, Optional<String> expected) {
        assertEquals(expected, TargetNames.fromUrl(URI.create(url)));
    }

    @Test
    void missingUrlHasNoName() {
        assertEquals(Optional.empty(), TargetNames.fromUrl(null));
    }

    private static Arguments name(String fact, String url, String expected) {
        return argumentSet(fact, url, Optional.of(expected));
    }

    private static Arguments none(String fact, String url) {
        return argumentSet(fact, url, Optional.empty());
    }
}
