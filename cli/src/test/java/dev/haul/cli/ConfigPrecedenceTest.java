package dev.haul.cli;

import dev.haul.core.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The config file sets defaults; the command line wins; --no-config ignores the file. */
class ConfigPrecedenceTest {
    private static final String URL = "http://example.org/f";

    @TempDir
    Path home;

    private Harness withConfig(String text) throws IOException {
        Path file = home.resolve(".config/haul/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return new Harness(home);
    }

    @Test
    void theFileSetsDefaults() throws IOException {
        Settings s = withConfig("jobs = 3\ninsecure\nretries = 0\nuser-agent = \"my agent\"\n").settings(URL);
        assertEquals(3, s.engine().jobs());
        assertTrue(s.engine().tls().insecure());
        assertEquals(0, s.engine().retries());
        assertEquals("my agent", s.engine().userAgent());
    }

    @Test
    void aShortOptionWithAnHInItsValueIsADownloadNotAHelpRequest() throws IOException {
        // "-ohello.txt" looks like it might hold -h; the line is still parsed as a download, with
        // every default and the file's settings in place.
        Settings s = withConfig("retries = 0\n").settings("-ohello.txt", "-uhank:pw", URL);
        assertEquals(8, s.engine().jobs());
        assertEquals(0, s.engine().retries());
        assertEquals(30, s.engine().stallTimeout().toSeconds());
    }

    @Test
    void theCommandLineWins() throws IOException {
        Settings s = withConfig("jobs = 3\nretries = 0\n").settings("-j", "5", URL);
        assertEquals(5, s.engine().jobs());
        assertEquals(0, s.engine().retries());
    }

    @Test
    void noConfigIgnoresTheFile() throws IOException {
        Settings s = withConfig("jobs = 3\n").settings("--no-config", URL);
        assertEquals(8, s.engine().jobs());
    }

    @Test
    void everyHeaderLineIsUsedUnlessTheCommandLineGivesHeaders() throws IOException {
        Harness h = withConfig("header = X-A: 1\nheader = X-B: 2\n");
        assertEquals(List.of("X-A", "X-B"), names(h.settings(URL).engine().headers()));
        assertEquals(List.of("X-C"), names(h.settings("-H", "X-C: 3", URL).engine().headers()));
    }

    @Test
    void aFlagCanBeTurnedOffInTheFile() throws IOException {
        assertFalse(withConfig("insecure = false\n").settings(URL).engine().tls().insecure());
    }

    @Test
    void xdgConfigHomeIsWhereTheFileLives() throws IOException {
        Path xdg = Files.createDirectories(home.resolve("xdg/haul"));
        Files.writeString(xdg.resolve("config"), "jobs = 2\n");
        withConfig("jobs = 3\n");
        Harness h = new Harness(home).env("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        assertEquals(2, h.settings(URL).engine().jobs());
        // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
        assertEquals(3, new Harness(home).env("XDG_CONFIG_HOME", "xdg").settings(URL).engine().jobs());
    }

    @Test
    void helpShowsTheDefaultsTheFileSets() throws IOException {
        Harness h = withConfig("jobs = 3\n");
        assertEquals(0, h.haul("--help"));
        assertTrue(h.out().contains("Transfers at once. Default: 3."), h.out());
    }

    @Test
    void noFileMeansTheBuiltInDefaults() {
        assertEquals(8, new Harness(home).settings(URL).engine().jobs());
    }

    private static List<String> names(List<Header> headers) {
        return headers.stream().map(Header::name).toList();
    }
}
