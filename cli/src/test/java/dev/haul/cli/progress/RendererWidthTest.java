package dev.haul.cli.progress;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No line is ever wider than the screen: a wider one would wrap and break the in-place redraw. */
class RendererWidthTest {

    @Test
    void noLineIsWiderThanTheWidthAtAnyWidthWithOrWithoutColor() {
        EngineSnapshot hostile = Snapshots.engine(List.of(
                Snapshots.downloading(1, "漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字.bin", 5, 10, 1),
                Snapshots.downloading(2, "e\u0301e\u0301e\u0301-combining-" + "x".repeat(300), 1L << 40, 1L << 41, 1L << 30),
                Snapshots.inState(3, null, TransferState.RETRY_WAIT, 0, -1)), 123456, 7890, 12, 64);
        for (boolean color : new boolean[] {false, true}) {
            for (int width = 1; width <= 160; width++) {
                for (String line : Renderer.render(hostile, 2, width, 10, color)) {
                    String plain = line.replaceAll("\u001b\\[[0-9;]*m", "");
                    assertTrue(DisplayWidth.of(plain) <= width, "width " + width + ": '" + plain + "'");
                }
            }
        }
    }

    @Test
    void aRetryingTransferSaysWhichAttemptComes() {
        var s = Snapshots.engine(List.of(Snapshots.inState(3, "flaky.bin", TransferState.RETRY_WAIT, 100, 1000)), 0, 0, 0, 8);
        assertEquals("  flaky.bin                         100 B / 1000 B   10%      retry #2          ",
                Renderer.render(s, 0, 80, 30, false).get(0));
    }
}
