package dev.haul.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** User info in URLs and credential header values never reach output. */
class SecretsTest {
    @Test
    void userInfoInAUrlIsMasked() {
        assertEquals("https://***@files.example/f?q=1", Secrets.maskUrl(URI.create("https://alice:hunter2@files.example/f?q=1")));
    }

    @Test
    void aUrlWithoutUserInfoIsUnchanged() {
        assertEquals("https://files.example/a@b?c=d@e", Secrets.maskUrl(URI.create("https://files.example/a@b?c=d@e")));
    }

    @Test
    void noUrlIsAnEmptyString() {
        assertEquals("", Secrets.maskUrl((URI) null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://alice:hunter2@h/f,            http://***@h/f",
            "http://alice@h,                      http://***@h",
            "http://alice:hun@ter2@h/f?mail=a@b,  http://***@h/f?mail=a@b",
            "ftp://alice:hunter2@h/f,             ftp://***@h/f",
            "http://h/f?mail=a@b,                 http://h/f?mail=a@b",
            "http://h/a@b/c,                      http://h/a@b/c",
            "not a url @ all,                     not a url @ all",
    })
    void userInfoIsMaskedInTextThatMayNotParse(String raw, String shown) {
        assertEquals(shown, Secrets.maskUrl(raw));
    }

    @Test
    void aPasswordWithAHashIsMaskedInABadUrl() {
        assertFalse(Secrets.maskUrl("http://alice:hun#ter2@h/f").contains("ter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization: Bearer hunter2", "authorization:hunter2", "COOKIE: session=hunter2",
            "Proxy-Authorization: Basic hunter2", "proxy-authorization : hunter2"})
    void credentialHeaderValuesAreMaskedWhateverTheNameCase(String line) {
        String shown = Secrets.maskHeaderLine(line);
        assertFalse(shown.contains("hunter2"), shown);
        assertEquals(line.substring(0, line.indexOf(':')) + ": ***", shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Trace: 1234", "Accept: */*", "X-Authorization-Hint: none", "Set-Cookie-Hint: a=b"})
    void otherHeaderLinesAreShownAsGiven(String line) {
        assertEquals(line, Secrets.maskHeaderLine(line));
    }

    @Test
    void lineBreaksInAShownHeaderLineAreMadeVisible() {
        assertEquals("X-A: b??X-Injected: 1", Secrets.maskHeaderLine("X-A: b\r\nX-Injected: 1"));
    }

    @Test
    void aCredentialHeaderWithAnInjectedLineShowsNeitherPart() {
        assertEquals("Cookie: ***", Secrets.maskHeaderLine("Cookie: a=hunter2\r\nX-Injected: 1"));
    }
}
