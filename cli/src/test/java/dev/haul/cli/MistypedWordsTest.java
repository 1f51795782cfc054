package dev.haul.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A near miss of a subcommand or an option is answered with what was probably meant. */
class MistypedWordsTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource({"dmeo,demo", "deom,demo", "dem,demo", "completoin,completion", "Demo,demo"})
    void aNearMissOfASubcommandIsNamed(String typed, String meant) {
        assertEquals(meant, CommandSuggestion.near(typed).orElse(null));
    }

    @ParameterizedTest
    @CsvSource({"download", "example.org", "http", "x", "done"})
    void otherWordsAreNotTakenForCommands(String typed) {
        assertTrue(CommandSuggestion.near(typed).isEmpty(), typed);
    }

    @Test
    void aMistypedOptionGetsADidYouMean() {
        Harness h = new Harness(home);
        assertEquals(ExitCodes.USAGE, h.haul("--jbos", "4", "http://127.0.0.1:9/x"));
        assertEquals(1, h.err().lines().count(), h.err());
        assertTrue(h.err().contains("did you mean --jobs?"), h.err());
    }
}
