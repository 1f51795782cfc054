package dev.haul.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad config line is one clear error, naming the file and the line, with exit status 2. */
class ConfigErrorsTest {
    @TempDir
    Path home;

    private Path config;

    private Harness withConfig(String text) throws IOException {
        config = home.resolve(".config/haul/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, text);
        return new Harness(home);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jbos = 4                        | 1 | unknown option 'jbos'; did you mean 'jobs'?",
            "frobnicate = 4                  | 1 | unknown option 'frobnicate' (see haul --help)",
            "insecure\\njobs = many        | 2 | 'many' is not an int",
            "jobs = 0                        | 1 | --jobs must be at least 1",
            "jobs = 2\\njobs = 3             | 2 | 'jobs' is already set on line 1",
            "insecure = yes                  | 1 | 'insecure' is a flag",
            "retries                         | 1 | 'retries' needs a value",
            "help                            | 1 | cannot be set in a config file",
            "no-config                       | 1 | cannot be set in a config file",
            "header = no colon               | 1 | header",
            "proxy = ftp://me:hunter2@p:21   | 1 | unsupported proxy scheme",
            "netrc-file = /nonexistent-haul-netrc | 1 | --netrc-file: no such file",
            "on-exists = sometimes           | 1 | --on-exists must be",
    })
    void aBadLineIsOneErrorNamingFileAndLine(String text, int line, String why) throws IOException {
        Harness h = withConfig(text.replace("\\n", "\n"));
        assertEquals(ExitCodes.USAGE, h.haul("http://example.org/f"));
        String err = h.err();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("haul: " + config + ", line " + line + ": "), err);
        assertTrue(err.contains(why), err);
        assertTrue(!err.contains("hunter2"), err);
        assertEquals("", h.out());
    }

    @Test
    void helpVersionAndCompletionWorkDespiteABadLineAfterOneWarning() throws IOException {
        for (String[] args : new String[][] {{"--help"}, {"-V"}, {"completion", "bash"}}) {
            Harness h = withConfig("--jobs = 4\n");
            assertEquals(0, h.haul(args), String.join(" ", args));
            String err = h.err();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("haul: warning: " + config + ", line 1: write settings as 'name = value', without dashes: 'jobs = 4'"), err);
            assertTrue(!h.out().isEmpty(), String.join(" ", args));
        }
    }

    @Test
    void noConfigRunsDespiteABadFile() throws IOException {
        Harness h = withConfig("jbos = 4\n");
        assertEquals(0, h.haul("--no-config", "--help"));
    }

    @Test
    void aBadEnvironmentIsNotBlamedOnAConfigLine() throws IOException {
        Harness h = withConfig("jobs = 4\n").env("https_proxy", "gopher://p:1");
        assertEquals(ExitCodes.USAGE, h.haul("https://example.org/f"));
        assertTrue(h.err().startsWith("haul: https_proxy: bad proxy URL"), h.err());
    }
}
