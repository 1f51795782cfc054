package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With color the selection is reverse video and the total bold; under NO_COLOR no SGR at all. */
class RendererColorTest {

    @Test
    void withColorTheSelectedRowIsReverseVideoWithoutAMarker() {
        List<String> lines = Renderer.render(Snapshots.active(1, 2), 2, 80, 30, true);
        assertEquals("  file-1.bin                    1.0 KiB / 10.0 KiB   10%      1000 B/s      0:10", lines.get(0));
        assertEquals("\u001b[7m  file-2.bin                    2.0 KiB / 20.0 KiB   10%      1000 B/s      0:19\u001b[0m", lines.get(1));
        assertEquals("\u001b[1m  0 done, 0 failed, 2 active, 0 queued   2.0 KiB/s   ETA 0:14   jobs 8   ? keys\u001b[0m", lines.get(2));
    }

    @Test
    void withoutColorNoLineHasAnEscape() {
        for (int width : new int[] {40, 80, 120}) {
            for (String line : Renderer.render(Mixed.snapshot(), Mixed.SELECTED, width, 30, false)) {
                assertFalse(line.contains("\u001b"), line);
            }
        }
    }

    @Test
    void withoutColorTheSelectionIsAMarker() {
        List<String> lines = Renderer.render(Snapshots.active(1, 2), 2, 60, 30, false);
        assertTrue(lines.get(1).startsWith("> file-2.bin"), lines.get(1));
        assertTrue(lines.get(0).startsWith("  file-1.bin"), lines.get(0));
    }
}
