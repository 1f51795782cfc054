package dev.haul.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --proxy, the proxy variables, --netrc and --netrc-file reach the engine's config. */
class AccessSettingsTest {
    private static final URI HTTP = URI.create("http://example.org/f");
    private static final URI HTTPS = URI.create("https://example.org/f");

    @TempDir
    Path home;

    @Test
    void proxyVariablesComeFromTheInjectedEnvironment() {
        Settings s = new Harness(home).env("http_proxy", "http://p:3128").env("no_proxy", "internal.example").settings(HTTP.toString());
        assertEquals(URI.create("http://p:3128"), s.engine().proxy().proxyFor(HTTP));
        assertNull(s.engine().proxy().proxyFor(HTTPS));
        assertNull(s.engine().proxy().proxyFor(URI.create("http://a.internal.example/")));
    }

    @Test
    void theProxyOptionWins() {
        Settings s = new Harness(home).env("https_proxy", "http://env:1").settings("--proxy", "opt:8080", HTTPS.toString());
        assertEquals(URI.create("http://opt:8080"), s.engine().proxy().proxyFor(HTTPS));
    }

    @Test
    void aBadProxyIsAUsageErrorWithoutItsPassword() {
        Harness h = new Harness(home);
        assertEquals(ExitCodes.USAGE, h.haul("--proxy", "socks4://me:hunter2@p:1", HTTP.toString()));
        assertTrue(h.err().contains("--proxy: bad proxy URL"), h.err());
        assertFalse(h.err().contains("hunter2"), h.err());
    }

    @Test
    void netrcReadsTheHomeNetrc() throws IOException {
        writeNetrc(home.resolve(".netrc"), "rw-------");
        Harness h = new Harness(home);
        Settings s = h.settings("--netrc", HTTP.toString());
        assertEquals("u:hunter2", s.engine().netrc().forHost("example.org"));
        assertEquals("", h.err());
    }

    @Test
    void withoutTheOptionNoNetrcIsRead() throws IOException {
        writeNetrc(home.resolve(".netrc"), "rw-------");
        assertNull(new Harness(home).settings(HTTP.toString()).engine().netrc().forHost("example.org"));
    }

    @Test
    void aNetrcOthersCanReadIsWarnedAboutOnceUnlessQuiet() throws IOException {
        Path file = writeNetrc(home.resolve("creds"), "rw-r--r--");
        Harness h = new Harness(home);
        h.settings("--netrc-file", file.toString(), HTTP.toString());
        assertEquals(1, h.err().lines().count(), h.err());
        assertTrue(h.err().startsWith("haul: warning: " + file), h.err());
        assertFalse(h.err().contains("hunter2"), h.err());

        Harness quiet = new Harness(home);
        quiet.settings("-q", "--netrc-file", file.toString(), HTTP.toString());
        assertEquals("", quiet.err());
    }

    @Test
    void aMissingNetrcFileIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
                () -> new Harness(home).settings("--netrc-file", home.resolve("absent").toString(), HTTP.toString()));
        assertTrue(e.getMessage().startsWith("--netrc-file: no such file"), e.getMessage());
    }

    @Test
    void aMissingHomeNetrcIsNoCredentials() {
        assertNull(new Harness(home).settings("--netrc", HTTP.toString()).engine().netrc().forHost("example.org"));
    }

    private static Path writeNetrc(Path file, String permissions) throws IOException {
        Files.writeString(file, "machine example.org login u password hunter2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
