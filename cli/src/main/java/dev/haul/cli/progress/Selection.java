package dev.haul.cli.progress;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferSnapshot;

import java.util.List;

/**
 * The selected transfer, kept by id so it stays put while rows come and go. Shared by the key
 * thread (which moves it) and the main thread (which draws it), hence synchronized; both only
 * ever hold the lock for a walk over the visible rows.
 */
public final class Selection {
    public static final long NONE = 0;

    private long selected = NONE;
    /** Rows the display showed last: what PgUp and PgDn move by. */
    private int page = 10;

    /** The selected id after catching up with {@code s}: the first row when none was selected, the next one when it ended. */
    public synchronized long reconcile(EngineSnapshot s) {
        selected = follow(Rows.of(s));
        return selected;
    }

    /** Moves by {@code delta} rows (negative: up), stopping at the first and last row. */
    public synchronized long move(int delta, EngineSnapshot s) {
        List<TransferSnapshot> rows = Rows.of(s);
        selected = follow(rows);
        if (selected == NONE) return NONE;
        int at = indexOf(rows, selected);
        int to = (int) Math.max(0, Math.min(rows.size() - 1, (long) at + delta));
        selected = rows.get(to).id();
        return selected;
    }

    /** The display tells how many rows fit, so a page key moves by what the user sees. */
    public synchronized void page(int rows) {
        page = Math.max(1, rows);
    }

    /** Moves a page down ({@code pages} positive) or up. */
    public synchronized long movePages(int pages, EngineSnapshot s) {
        return move(pages * Math.max(1, page - 1), s);
    }

    /** Selects the first row ({@code last} false) or the last one. */
    public synchronized long moveToEnd(boolean last, EngineSnapshot s) {
        return move(last ? Integer.MAX_VALUE / 2 : Integer.MIN_VALUE / 2, s);
    }

    public synchronized long current() {
        return selected;
    }

    private long follow(List<TransferSnapshot> rows) {
        if (rows.isEmpty()) return selected == NONE ? NONE : selected;
        if (selected == NONE) return rows.get(0).id();
        if (indexOf(rows, selected) >= 0) return selected;
        // Gone (finished): ids grow in submission order, so the next row is the first with a larger id.
        for (TransferSnapshot t : rows) {
            if (t.id() > selected) return t.id();
        }
        return rows.get(rows.size() - 1).id();
    }

    private static int indexOf(List<TransferSnapshot> rows, long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) return i;
        }
        return -1;
    }
}
