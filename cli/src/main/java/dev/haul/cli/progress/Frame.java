package dev.haul.cli.progress;

import java.util.List;

/**
 * One redraw as one string, written with one write so the terminal never shows half a frame:
 * back up over the previous block, print the lines that scroll away above it, then the new
 * block, each line erased to its end, and erase whatever a taller previous block left below.
 * The cursor rests at the start of the line under the block.
 */
final class Frame {
    private Frame() {}

    /**
     * @param previousHeight lines of the block drawn last time (0 for none)
     * @param above          lines that stay on the screen above the block, scrolling up with it
     * @param block          the new block (may be empty: the final frame that clears it)
     */
    static String build(int previousHeight, List<String> above, List<String> block) {
        StringBuilder b = new StringBuilder(128 * (above.size() + block.size() + 1));
        if (previousHeight > 0) b.append('\r').append(Sgr.up(previousHeight));
        for (String line : above) line(b, line);
        for (String line : block) line(b, line);
        b.append(Sgr.ERASE_BELOW);
        return b.toString();
    }

    /** The '\r' makes each line start at column 0 even if the terminal's output post-processing is off. */
    private static void line(StringBuilder b, String text) {
        b.append('\r').append(text).append(Sgr.ERASE_LINE_END).append('\n');
    }
}
