package dev.haul.cli.output;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run's summary counts what this run moved over the network: cancelled bytes too, resumed ones not. */
class EventPrinterSummaryTest {
    private static final long MIB = 1024 * 1024;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String summaryAfter(boolean json, Outcome... outcomes) throws InterruptedException {
        EventPrinter printer = new EventPrinter(out, new PrintStream(err, true, StandardCharsets.UTF_8), json, true, false, null);
        long id = 1;
        for (Outcome o : outcomes) {
            TransferSnapshot t = new TransferSnapshot(id++, "http://example.test/f", "f", Path.of("f"),
                    TransferState.CANCELLED, 0, -1, 0, 1);
            printer.onEvent(new TransferEvent.Finished(t, o));
        }
        printer.end();
        printer.run(() -> EngineSnapshot.EMPTY);
        printer.summary(1000, 0);
        return (json ? out : err).toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCancelledTransferCountsTheBytesItMovedNotZero() throws Exception {
        String text = summaryAfter(false, new Outcome.Cancelled(29 * MIB, 29 * MIB));
        assertTrue(text.contains("29.0 MiB") || text.contains("29 MiB"), text);
        assertTrue(!text.contains("; 0 B"), text);
    }

    @Test
    void aResumedFileCountsOnlyTheBytesThisRunMoved() throws Exception {
        String text = summaryAfter(true, new Outcome.Completed(Path.of("f"), 100 * MIB, false, 4 * MIB));
        assertTrue(text.contains("\"bytes\":" + 100 * MIB + ",\"moved\":" + 4 * MIB), text);
    }
}
