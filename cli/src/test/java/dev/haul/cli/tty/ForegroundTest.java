package dev.haul.cli.tty;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foreground test from /proc/PID/stat: the process group against the terminal's foreground group. */
class ForegroundTest {
    @Test
    void theTerminalsForegroundGroupIsOurs() {
        assertTrue(Foreground.isForeground("4242 (java) S 4200 4242 4100 34816 4242 4194304 100 0"));
    }

    @Test
    void anotherGroupHasTheTerminal() {
        assertFalse(Foreground.isForeground("4242 (java) S 4200 4242 4100 34816 4100 4194304 100 0"));
    }

    @Test
    void aNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        assertFalse(Foreground.isForeground("4242 (my (odd) java) S 4200 4242 4100 34816 4100 4194304 100 0"));
    }

    @Test
    void withoutAControllingTerminalNothingIsInTheBackground() {
        assertTrue(Foreground.isForeground("4242 (java) S 4200 4242 4100 0 -1 4194304 100 0"));
    }
}
