package dev.haul.cli.progress;

/**
 * How many terminal columns text takes, and cutting text to a number of columns. Counting chars
 * is wrong for names from the network: CJK takes two columns, combining marks none, and a line
 * one column too wide wraps and breaks the cursor arithmetic of the whole block.
 */
public final class DisplayWidth {
    public static final String ELLIPSIS = "…";

    private DisplayWidth() {}

    /** Columns of one code point: 0, 1 or 2. Control characters are expected to be sanitized already. */
    public static int of(int cp) {
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF) return 0;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        return isWide(cp) ? 2 : 1;
    }

    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** East Asian Wide and Fullwidth blocks, and the emoji blocks terminals draw two columns wide. */
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** The longest prefix of {@code s} that fits in {@code columns}. */
    public static String head(String s, int columns) {
        int w = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int cw = of(cp);
            if (w + cw > columns) break;
            w += cw;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** The longest suffix of {@code s} that fits in {@code columns}. */
    public static String tail(String s, int columns) {
        int w = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            int cw = of(cp);
            if (w + cw > columns) break;
            w += cw;
            i -= Character.charCount(cp);
        }
        return s.substring(i);
    }

    /** {@code s} if it fits, else its start and end around an ellipsis: both ends of a name tell most. */
    public static String truncateMiddle(String s, int columns) {
        if (of(s) <= columns) return s;
        if (columns <= 0) return "";
        if (columns == 1) return ELLIPSIS;
        int room = columns - 1;
        int tailCols = room / 2;
        String tail = tail(s, tailCols);
        String head = head(s, room - of(tail));
        return head + ELLIPSIS + tail;
    }

    /** {@code s} if it fits, else its start and an ellipsis. */
    public static String truncateEnd(String s, int columns) {
        if (of(s) <= columns) return s;
        if (columns <= 0) return "";
        return head(s, columns - 1) + ELLIPSIS;
    }

    /** {@code s} cut or padded with spaces to exactly {@code columns}. */
    public static String padRight(String s, int columns) {
        String fitted = truncateEnd(s, columns);
        return fitted + " ".repeat(Math.max(0, columns - of(fitted)));
    }

    /** {@code s} cut or padded on the left with spaces to exactly {@code columns}. */
    public static String padLeft(String s, int columns) {
        String fitted = truncateEnd(s, columns);
        return " ".repeat(Math.max(0, columns - of(fitted))) + fitted;
    }
}
