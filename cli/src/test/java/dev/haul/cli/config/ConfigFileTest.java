package dev.haul.cli.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFileTest {
    private static final Path FILE = Path.of("/home/u/.config/haul/config");

    @Test
    void readsSettingsFlagsCommentsAndBlankLines() {
        List<ConfigLine> lines = ConfigFile.parse(FILE, "# defaults\n\njobs = 16\n  insecure\r\nheader=X-A: 1 # not a comment\n"
                + "user-agent = \"  spaced  \"\n");
        assertEquals(List.of(
                new ConfigLine(3, "jobs", "16"),
                new ConfigLine(4, "insecure", null),
                new ConfigLine(5, "header", "X-A: 1 # not a comment"),
                new ConfigLine(6, "user-agent", "  spaced  ")), lines);
    }

    @Test
    void anEmptyValueIsKept() {
        assertEquals(List.of(new ConfigLine(1, "proxy", "")), ConfigFile.parse(FILE, "proxy = \"\""));
        assertEquals(List.of(new ConfigLine(1, "proxy", "")), ConfigFile.parse(FILE, "proxy ="));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jobs = 1\\n= 4            | 2 | expected 'name = value'",
            "--jobs 4             | 1 | without dashes: 'jobs = 4'",
            "--jobs = 4           | 1 | without dashes: 'jobs = 4'",
            "--jobs=4             | 1 | without dashes: 'jobs = 4'",
            "-insecure            | 1 | without dashes: 'insecure'",
            "jobs: 4              | 1 | expected 'name = value'",
            "\\n\\n\\nj obs = 4      | 4 | expected 'name = value'",
    })
    void aBadLineNamesTheFileAndTheLine(String text, int line, String why) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(FILE, text.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith(FILE + ", line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aMissingFileHasNoSettings() {
        assertEquals(List.of(), ConfigFile.read(Path.of("/nonexistent-haul-test-home/.config/haul/config")));
    }
}
