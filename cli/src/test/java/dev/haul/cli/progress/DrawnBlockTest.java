package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rows the last block covers after the terminal rewrapped it to a new width. */
class DrawnBlockTest {
    private final DrawnBlock drawn = new DrawnBlock();

    @Test
    void atTheSameWidthEachLineIsOneRow() {
        drawn.drawn(List.of("x".repeat(119), "y", ""), 120);
        assertEquals(3, drawn.rows(120));
    }

    @Test
    void narrowerEachLineTakesTheRowsItWrapsInto() {
        drawn.drawn(List.of("x".repeat(119), "y".repeat(50), ""), 120);
        assertEquals(3 + 1 + 1, drawn.rows(50));
        assertEquals(1 + 1 + 1, drawn.rows(200));
    }

    @Test
    void escapeSequencesAndWideCharactersCountAsTheyShow() {
        drawn.drawn(List.of("\u001b[7m" + "日".repeat(30) + "\u001b[0m"), 120); // 60 columns
        assertEquals(2, drawn.rows(40));
        assertEquals(1, drawn.rows(60));
    }

    @Test
    void goneCoversNothing() {
        drawn.drawn(List.of("a", "b"), 80);
        drawn.gone();
        assertEquals(0, drawn.rows(20));
    }
}
