package dev.haul.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code haul demo} is reachable from the top-level command and shares its exit-code mapping. */
class DemoSubcommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int haul(String... args) {
        // A home that does not exist: no config file or .netrc of the machine's user is read.
        return Main.run(args, new Streams(InputStream.nullInputStream(), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false),
                new Environment(java.util.Map.of(), java.nio.file.Path.of("/nonexistent-haul-test-home")));
    }

    @Test
    void demoHelpIsPrinted() {
        assertEquals(0, haul("demo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: haul demo"));
    }

    @Test
    void topLevelHelpListsTheDemo() {
        assertEquals(0, haul("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("demo"));
    }

    @Test
    void anUnknownOptionPassedOnIsAUsageErrorBeforeAnythingIsPrinted() {
        assertEquals(ExitCodes.USAGE, haul("demo", "--no-such-option"));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("--no-such-option"), messages);
        assertFalse(messages.contains("haul demo:"), messages);
    }

    @Test
    void zeroJobsIsAUsageError() {
        assertEquals(ExitCodes.USAGE, haul("demo", "-j", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--jobs"));
    }
}
