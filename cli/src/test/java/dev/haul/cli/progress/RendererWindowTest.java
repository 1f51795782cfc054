package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** More transfers than rows: a window around the selection and a line counting the rest. */
class RendererWindowTest {

    @Test
    void theWindowKeepsTheSelectionNearItsMiddle() {
        assertEquals(List.of(
                "  part-7.dat                    70.0 KiB / 1.0 MiB    6%   100.0 KiB/s      0:10",
                "  part-8.dat                    80.0 KiB / 1.0 MiB    7%   100.0 KiB/s      0:10",
                "> part-9.dat                    90.0 KiB / 1.0 MiB    8%   100.0 KiB/s      0:10",
                "  part-10.dat                  100.0 KiB / 1.0 MiB    9%   100.0 KiB/s      0:10",
                "  +8 more (6 above, 2 below)",
                "  0 done, 0 failed, 12 active, 0 queued   1.2 MiB/s   ETA 0:10   ? keys"),
                Renderer.render(Snapshots.many(12), 9, 80, 8, false));
    }

    @Test
    void atTheTopTheRestIsBelow() {
        List<String> lines = Renderer.render(Snapshots.many(100), 1, 80, 8, false);
        assertEquals("> part-1.dat                    10.0 KiB / 1.0 MiB    0%   100.0 KiB/s      0:11", lines.get(0));
        assertEquals("  +96 more below", lines.get(4));
    }

    @Test
    void atTheBottomTheRestIsAbove() {
        List<String> lines = Renderer.render(Snapshots.many(100), 100, 80, 8, false);
        assertEquals("> part-100.dat                1000.0 KiB / 1.0 MiB   97%   100.0 KiB/s      0:01", lines.get(3));
        assertEquals("  +96 more above", lines.get(4));
    }

    @Test
    void theBlockLeavesTheMarginFreeAtEveryHeight() {
        for (int height = 1; height <= 40; height++) {
            int size = Renderer.render(Snapshots.many(1000), 500, 80, height, false).size();
            assertEquals(Math.max(1, height - Renderer.MARGIN), size, "height " + height);
        }
    }

    @Test
    void queuedTransfersGetNoRowOnlyACount() {
        var s = Snapshots.engine(List.of(Snapshots.downloading(1, "a.bin", 10, 100, 5), Snapshots.queued(2), Snapshots.queued(3)), 0, 0, 0, 1);
        assertEquals(List.of(
                "  a.bin                               10 B / 100 B   10%         5 B/s      0:18",
                "  0 done, 0 failed, 1 active, 2 queued   5 B/s   jobs 1   ? keys"),
                Renderer.render(s, 0, 80, 30, false));
    }
}
