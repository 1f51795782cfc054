package dev.haul.cli.progress;

import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames as written to stderr: one write each, in place, following the terminal's size. */
class LiveDisplayTest {
    /** Records each write separately, to prove one write per frame. */
    private final List<String> writes = new ArrayList<>();
    private final PrintStream err = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            writes.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }, true, StandardCharsets.UTF_8);
    private int columns = 81;
    private final ScreenSize screen = new ScreenSize() {
        @Override
        public int columns() {
            return columns;
        }

        @Override
        public int rows() {
            return 24;
        }
    };
    private final LiveDisplay display = new LiveDisplay(err, screen, new Selection(), false, () -> true, false, null);

    @Test
    void eachFrameIsOneWriteThatRedrawsTheBlockInPlace() {
        display.tick(Snapshots.active(1, 2));
        display.tick(Snapshots.active(1, 2));
        assertEquals(2, writes.size());
        assertTrue(writes.get(0).startsWith("\u001b[?25l\r> file-1.bin"), writes.get(0));
        assertTrue(writes.get(1).startsWith("\r\u001b[3A\r> file-1.bin"), writes.get(1));
    }

    @Test
    void aFinishedTransferPrintsOneLineAboveTheBlockInTheSameWrite() {
        display.tick(Snapshots.active(1, 2));
        display.on(new TransferEvent.Finished(Snapshots.downloading(1, "file-1.bin", 10240, 10240, 0),
                new Outcome.Completed(Path.of("/tmp/file-1.bin"), 10240, false)));
        display.tick(Snapshots.active(2));
        assertEquals(2, writes.size());
        assertTrue(writes.get(1).startsWith("\r\u001b[3A\rhaul: done file-1.bin (10.0 KiB)\u001b[K\n\r> file-2.bin"), writes.get(1));
        display.tick(Snapshots.active(2));
        assertFalse(writes.get(2).contains("haul: done"), "printed once");
    }

    @Test
    void aPipedListThatGaveNothingYetIsWhatTheTotalLineSays() {
        display.listOnStdin();
        display.tick(dev.haul.core.EngineSnapshot.EMPTY);
        assertTrue(writes.get(0).contains("waiting for URLs on standard input"), writes.get(0));
        display.tick(Snapshots.active(1));
        assertFalse(writes.get(1).contains("waiting for URLs"), writes.get(1));
    }

    @Test
    void aListFromAFileNeverSaysItWaitsForStandardInput() {
        display.tick(dev.haul.core.EngineSnapshot.EMPTY);
        assertFalse(writes.get(0).contains("waiting for URLs"), writes.get(0));
    }

    @Test
    void theWidthIsReadAgainEveryFrame() {
        long[] now = {0};
        display.clock(() -> now[0]);
        display.tick(Snapshots.active(1));
        columns = 41;
        display.tick(Snapshots.active(1));
        now[0] += LiveDisplay.SETTLE_NANOS;
        display.tick(Snapshots.active(1));
        assertTrue(writes.get(1).contains("\r> file-1.bin           10%      1000 B/s\u001b[K"), writes.get(1));
    }

    @Test
    void aChangeOfWidthClearsTheWholeScreenOnceItHasHeldThenDrawsTheBlock() {
        long[] now = {0};
        display.clock(() -> now[0]);
        display.tick(Snapshots.active(1, 2));
        display.on(new TransferEvent.Finished(Snapshots.downloading(1, "file-1.bin", 10240, 10240, 0),
                new Outcome.Completed(Path.of("/tmp/file-1.bin"), 10240, false)));
        display.tick(Snapshots.active(2));
        columns = 41;
        display.tick(Snapshots.active(2));
        assertEquals(2, writes.size(), "nothing drawn while the window is still being resized");
        now[0] += LiveDisplay.SETTLE_NANOS;
        display.tick(Snapshots.active(2));
        // From the top of the 24-row screen (the cursor stops there), whatever older frames left is erased.
        assertTrue(writes.get(2).startsWith("\r\u001b[24A\r> file-2.bin"), writes.get(2));
        assertTrue(writes.get(2).endsWith("\u001b[J"), writes.get(2));
        display.tick(Snapshots.active(2));
        assertTrue(writes.get(3).startsWith("\r\u001b[2A\r> file-2.bin"), "at the same width, in place again: " + writes.get(3));
    }

    @Test
    void closingClearsTheBlockAndShowsTheCursor() {
        display.tick(Snapshots.active(1));
        display.close();
        display.close();
        assertEquals(List.of("\r\u001b[2A\u001b[J\u001b[?25h"), writes.subList(1, writes.size()));
    }

    @Test
    void aStdoutLineOnTheSameScreenLandsAboveTheBlock() {
        LiveDisplay shared = new LiveDisplay(err, screen, new Selection(), false, () -> true, true, null);
        shared.tick(Snapshots.active(1));
        writes.clear();
        shared.aroundStdout(() -> writes.add("file-0.bin\n"));
        assertEquals(3, writes.size());
        assertEquals("\r\u001b[2A\u001b[J", writes.get(0));
        assertEquals("file-0.bin\n", writes.get(1));
        assertTrue(writes.get(2).startsWith("\r> file-1.bin"), writes.get(2));
    }

    @Test
    void withoutASharedScreenStdoutIsLeftAlone() {
        display.tick(Snapshots.active(1));
        writes.clear();
        display.aroundStdout(() -> writes.add("x\n"));
        assertEquals(List.of("x\n"), writes);
    }

    @Test
    void nothingIsDrawnBeforeTheFirstFrameOrAfterClose() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveDisplay quiet = new LiveDisplay(new PrintStream(bytes), screen, new Selection(), false, () -> true, false, null);
        quiet.close();
        quiet.tick(Snapshots.active(1));
        assertEquals(0, bytes.size());
    }
}
