package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameTest {
    private static final String E = "\u001b[";

    @Test
    void theFirstFrameDrawsFromWhereTheCursorIs() {
        assertEquals("\ra" + E + "K\n\rtotal" + E + "K\n" + E + "J",
                Frame.build(0, List.of(), List.of("a", "total")));
    }

    @Test
    void laterFramesBackUpOverThePreviousBlockAndPrintFinishedLinesAboveTheNewOne() {
        assertEquals("\r" + E + "3A"
                        + "\rhaul: done a.bin" + E + "K\n"
                        + "\rb" + E + "K\n\rtotal" + E + "K\n"
                        + E + "J",
                Frame.build(3, List.of("haul: done a.bin"), List.of("b", "total")));
    }

    @Test
    void theLastFrameClearsTheBlock() {
        assertEquals("\r" + E + "2A" + E + "J", Frame.build(2, List.of(), List.of()));
    }
}
