package dev.haul.cli.progress;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The live block as lines: a pure function of the snapshot, the selection and the terminal's
 * size, so every layout is a golden-string test. No line is wider than {@code width} columns
 * (escape sequences aside), and the block leaves {@link #MARGIN} lines of the screen free.
 */
public final class Renderer {
    /** The line the cursor rests on under the block, and one line of the finished ones above it. */
    static final int MARGIN = 2;

    private Renderer() {}

    /**
     * @param selectedId the highlighted transfer, or 0 for none
     * @param width      columns the lines may use
     * @param height     rows of the terminal
     * @param color      SGR styling allowed (false under NO_COLOR): then a '>' marks the selection
     */
    public static List<String> render(EngineSnapshot snapshot, long selectedId, int width, int height, boolean color) {
        return render(snapshot, selectedId, width, height, color, true);
    }

    /** As above; {@code keys} false leaves the key reminder out (when no keys can be read). */
    public static List<String> render(EngineSnapshot snapshot, long selectedId, int width, int height, boolean color, boolean keys) {
        List<TransferSnapshot> rows = Rows.of(snapshot);
        RowLayout layout = RowLayout.forWidth(width);
        int room = Math.max(0, height - 1 - MARGIN);
        List<String> lines = new ArrayList<>();

        int shown = rows.size() <= room ? rows.size() : Math.max(0, room - 1);
        int first = firstShown(rows, selectedId, shown);
        for (int i = first; i < first + shown; i++) {
            TransferSnapshot t = rows.get(i);
            boolean selected = t.id() == selectedId;
            // Cut before styling: only an empty name column lets a row outgrow the screen.
            String plain = DisplayWidth.truncateEnd(TransferRow.format(t, layout, selected && !color), width);
            lines.add(selected ? Sgr.style(Sgr.REVERSE, plain, color) : plain);
        }
        int hidden = rows.size() - shown;
        if (hidden > 0 && room > 0) {
            int before = first;
            String where = before == 0 ? " below" : before == hidden ? " above" : " (" + before + " above, " + (hidden - before) + " below)";
            lines.add(DisplayWidth.truncateEnd("  +" + hidden + " more" + where, width));
        }
        lines.add(TotalLine.format(snapshot, rows, width, keys, color));
        return lines;
    }

    /** The key help in place of the rows (as many of its lines as fit), then the total line. */
    public static List<String> renderHelp(EngineSnapshot snapshot, int width, int height, boolean color) {
        int room = Math.max(0, height - 1 - MARGIN);
        List<String> lines = new ArrayList<>();
        for (String line : KeyHelp.LINES.subList(0, Math.min(room, KeyHelp.LINES.size()))) {
            lines.add(DisplayWidth.truncateEnd(line, width));
        }
        lines.add(TotalLine.format(snapshot, Rows.of(snapshot), width, true, color));
        return lines;
    }

    /** Rows of transfers a screen of {@code height} lines shows at most: what a page key moves by. */
    public static int pageRows(int height) {
        return Math.max(1, height - 1 - MARGIN - 1);
    }

    /** The first row of a window of {@code shown} rows that keeps the selection near its middle. */
    private static int firstShown(List<TransferSnapshot> rows, long selectedId, int shown) {
        if (shown >= rows.size()) return 0;
        int selected = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == selectedId) selected = i;
        }
        int first = selected - shown / 2;
        return Math.max(0, Math.min(first, rows.size() - shown));
    }
}
