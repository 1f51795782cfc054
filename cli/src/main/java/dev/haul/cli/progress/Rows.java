package dev.haul.cli.progress;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;

import java.util.ArrayList;
import java.util.List;

/**
 * Which transfers get a row: those that have left the queue and not yet ended. Queued ones are
 * only counted on the total line, so a list of thousands does not flood the screen. The
 * selection moves over exactly these rows.
 */
public final class Rows {
    private Rows() {}

    public static List<TransferSnapshot> of(EngineSnapshot s) {
        List<TransferSnapshot> rows = new ArrayList<>();
        for (TransferSnapshot t : s.transfers()) {
            if (t.state() != TransferState.QUEUED && !t.state().isFinal()) rows.add(t);
        }
        return rows;
    }
}
