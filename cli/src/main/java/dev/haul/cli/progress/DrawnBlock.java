package dev.haul.cli.progress;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How many screen rows the block drawn last covers now, and whether the terminal's width changed
 * since. Drawn at one width, each line takes one row; after the window narrows, terminals that
 * rewrap (tmux, VTE, kitty, iTerm2, Windows Terminal, ...) split each line wider than the new
 * width over several rows, and join them back when it widens again.
 */
final class DrawnBlock {
    private static final Pattern CSI = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]");

    private int[] widths = new int[0];
    private int columns;

    /** The block just written, at a terminal {@code columns} wide. */
    void drawn(List<String> lines, int columns) {
        widths = new int[lines.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = widthOf(lines.get(i));
        this.columns = columns;
    }

    /** Whether a block is on the screen and was drawn at another width than {@code columnsNow}. */
    boolean widthChanged(int columnsNow) {
        return widths.length > 0 && columnsNow > 0 && columnsNow != columns;
    }

    private static int widthOf(String line) {
        return DisplayWidth.of(CSI.matcher(line).replaceAll(""));
    }

    /** Nothing of it is on the screen any more (cleared, or scrolled into the lines above). */
    void gone() {
        widths = new int[0];
    }

    /** Rows the block covers at a terminal {@code columnsNow} wide. */
    int rows(int columnsNow) {
        if (columnsNow <= 0 || columnsNow == columns) return widths.length;
        int rows = 0;
        for (int w : widths) rows += Math.max(1, (w + columnsNow - 1) / columnsNow);
        return rows;
    }
}
