package dev.haul.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.Urls;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a Location header leads, and when a transfer stops following them. */
class RedirectsTest {
    private static final URI PAGE = Urls.parse("https://files.example/dir/page.html?x=1");

    private static String next(URI current, String location) {
        return new Redirects(10, current).next(current, location).toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/other/file.bin,              https://files.example/other/file.bin",
            "file2.bin,                    https://files.example/dir/file2.bin",
            "../up.bin,                    https://files.example/up.bin",
            "//cdn.example/f.bin,          https://cdn.example/f.bin",
            "http://mirror.example/f.bin,  http://mirror.example/f.bin",
            "'  /padded.bin  ',            https://files.example/padded.bin",
            "/new name.bin,                https://files.example/new%20name.bin",
            "/ü.bin,                       https://files.example/%C3%BC.bin",
    })
    void aLocationIsResolvedAgainstTheCurrentUrl(String location, String expected) {
        assertEquals(expected, next(PAGE, location));
    }

    @Test
    void aRelativeLocationFromAUrlWithoutPathGetsASlash() {
        assertEquals("http://h/file.bin", next(Urls.parse("http://h"), "file.bin"));
    }

    @Test
    void aLocationToAnotherSchemeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> next(PAGE, "ftp://files.example/f"));
        assertTrue(e.getMessage().startsWith("bad redirect target"), e.getMessage());
    }

    @Test
    void aRedirectBackToAUrlAlreadyVisitedIsALoop() {
        Redirects redirects = new Redirects(10, PAGE);
        URI second = redirects.next(PAGE, "/b");
        redirects.follow(second);

        assertThrows(Redirects.Loop.class, () -> redirects.next(second, "/dir/page.html?x=1"));
    }

    @Test
    void noMoreThanMaxRedirectsAreFollowed() {
        Redirects redirects = new Redirects(2, PAGE);
        URI current = PAGE;
        for (int i = 1; i <= 2; i++) {
            current = redirects.next(current, "/hop" + i);
            redirects.follow(current);
        }
        URI last = current;

        assertThrows(Redirects.TooMany.class, () -> redirects.next(last, "/hop3"));
        assertEquals(2, redirects.followed());
    }

    @Test
    void zeroMaxRedirectsRefusesTheFirst() {
        assertThrows(Redirects.TooMany.class, () -> new Redirects(0, PAGE).next(PAGE, "/elsewhere"));
    }

    @Test
    void aQueryOnlyLocationKeepsTheCurrentPath() {
        assertEquals("https://files.example/dir/page.html?page=2", next(PAGE, "?page=2"));
    }

    @Test
    void dotSegmentsAboveTheRootAreDropped() {
        assertEquals("http://h/x", next(Urls.parse("http://h/a/b"), "../../../x"));
    }
}
