package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The block as a person sees it at three widths, without color (the selection is a '>'). */
class RendererGoldenTest {

    @Test
    void at80ColumnsEveryColumnShowsAndRowsLineUp() {
        assertEquals(List.of(
                "  ubuntu-24.0…p-amd64.iso        1.2 GiB / 5.7 GiB   21%    12.0 MiB/s      6:24",
                "> 日本語のファイル名.txt         2.0 KiB / 4.0 KiB   50%     1.0 KiB/s      0:02",
                "  127.0.0.1:8080/files/x3                      0 B          connecting          ",
                "  notes.md                         512 B / 2.0 KiB   25%        paused          ",
                "  stream.bin                               1.5 KiB             300 B/s          ",
                "  3 done, 1 failed, 5 active, 1 queued   12.0 MiB/s   jobs 4   ? keys"),
                Renderer.render(Mixed.snapshot(), Mixed.SELECTED, 80, 30, false));
    }

    @Test
    void at40ColumnsSizeAndEtaGiveWayToTheName() {
        assertEquals(List.of(
                "  ubuntu-24…md64.iso   21%    12.0 MiB/s",
                "> 日本語の…ル名.txt    50%     1.0 KiB/s",
                "  127.0.0.1…files/x3          connecting",
                "  notes.md             25%        paused",
                "  stream.bin                     300 B/s",
                "  3 done, 1 failed, 5 active, 1 queued"),
                Renderer.render(Mixed.snapshot(), Mixed.SELECTED, 40, 30, false));
    }

    @Test
    void at120ColumnsNamesAreWholeAndTheKeysAreRecalled() {
        assertEquals(List.of(
                "  ubuntu-24.04.1-desktop-amd64.iso                                       1.2 GiB / 5.7 GiB   21%    12.0 MiB/s      6:24",
                "> 日本語のファイル名.txt                                                 2.0 KiB / 4.0 KiB   50%     1.0 KiB/s      0:02",
                "  127.0.0.1:8080/files/x3                                                              0 B          connecting          ",
                "  notes.md                                                                 512 B / 2.0 KiB   25%        paused          ",
                "  stream.bin                                                                       1.5 KiB             300 B/s          ",
                "  3 done, 1 failed, 5 active, 1 queued   12.0 MiB/s   jobs 4    ↑↓ select  c cancel  p pause  a add  q quit  ? keys"),
                Renderer.render(Mixed.snapshot(), Mixed.SELECTED, 120, 30, false));
    }

    @Test
    void withoutKeysTheReminderIsLeftOut() {
        List<String> lines = Renderer.render(Mixed.snapshot(), Mixed.SELECTED, 120, 30, false, false);
        assertEquals("  3 done, 1 failed, 5 active, 1 queued   12.0 MiB/s   jobs 4", lines.get(lines.size() - 1));
    }

    @Test
    void withNothingQueuedTheTotalLineHasAnEtaAndTheShortKeyHintTakesTheJobsPlace() {
        var s = Snapshots.engine(List.of(Snapshots.downloading(7, "a.bin", 0, 300_000, 100_000),
                Snapshots.downloading(8, "b.bin", 100_000, 300_000, 100_000)), 0, 0, 2, 8);
        assertEquals(List.of(
                "  a.bin                                      0 B / 293.0 KiB    0%    97.7 KiB/s      0:03",
                "  b.bin                                 97.7 KiB / 293.0 KiB   33%    97.7 KiB/s      0:02",
                "  0 done, 0 failed, 2 active, 0 queued, 2 cancelled   195.3 KiB/s   ETA 0:03   ? keys"),
                Renderer.render(s, 0, 90, 30, false));
    }

    @Test
    void aPausedTransferLeavesTheTotalWithoutAnEta() {
        var s = Snapshots.engine(List.of(Snapshots.downloading(7, "a.bin", 0, 300_000, 100_000),
                Snapshots.inState(8, "b.bin", dev.haul.core.TransferState.PAUSED, 100_000, 300_000)), 0, 0, 0, 8);
        List<String> lines = Renderer.render(s, 0, 90, 30, false);
        assertEquals("  b.bin                                 97.7 KiB / 293.0 KiB   33%        paused          ", lines.get(1));
        assertEquals("  0 done, 0 failed, 2 active, 0 queued   97.7 KiB/s   jobs 8   ? keys", lines.get(2));
    }
}
