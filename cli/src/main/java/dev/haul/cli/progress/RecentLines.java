package dev.haul.cli.progress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The last lines the display printed above its block (finished transfers, retries), kept so a
 * redraw of the whole screen after a change of width can show them again.
 */
final class RecentLines {
    private static final int KEPT = 200;

    private final Deque<String> lines = new ArrayDeque<>();

    void add(List<String> printed) {
        for (String line : printed) {
            lines.addLast(line);
            if (lines.size() > KEPT) lines.removeFirst();
        }
    }

    /** The newest lines that fill at most {@code rows} rows of a terminal {@code columns} wide, oldest first. */
    List<String> fitting(int rows, int columns) {
        List<String> fit = new ArrayList<>();
        int used = 0;
        for (var it = lines.descendingIterator(); it.hasNext(); ) {
            String line = it.next();
            used += DrawnBlock.rowsOf(line, columns);
            if (used > rows) break;
            fit.add(line);
        }
        Collections.reverse(fit);
        return fit;
    }
}
