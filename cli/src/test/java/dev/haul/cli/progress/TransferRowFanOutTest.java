package dev.haul.cli.progress;

import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file fetched over several connections or from several sources is still one row, saying so. */
class TransferRowFanOutTest {
    private static TransferSnapshot t(List<String> sources, int connections) {
        return new TransferSnapshot(1, "http://a/f.iso", "f.iso", null, TransferState.DOWNLOADING, 10, 100, 5, 1,
                sources, connections);
    }

    @Test
    void oneConnectionFromOneUrlAddsNothing() {
        assertEquals("", TransferRow.fanOut(t(List.of("http://a/f.iso"), 1)));
    }

    @Test
    void connectionsAndSourcesAreShown() {
        assertEquals(" [x3]", TransferRow.fanOut(t(List.of("http://a/f.iso"), 3)));
        assertEquals(" [x4, 2 sources]", TransferRow.fanOut(t(List.of("http://a/f.iso", "http://b/f.iso"), 4)));
    }

    @Test
    void theRowKeepsTheCountWhenTheNameIsCut() {
        String row = TransferRow.format(t(List.of("http://a/f.iso", "http://b/f.iso"), 4), RowLayout.forWidth(80), false);
        assertTrue(row.contains("f.iso [x4, 2 sources]"), row);
    }
}
