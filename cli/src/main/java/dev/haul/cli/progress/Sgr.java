package dev.haul.cli.progress;

/** The few escape sequences the display uses. Colors only when allowed; cursor movement always. */
final class Sgr {
    static final String CSI = "\u001b[";
    static final String RESET = CSI + "0m";
    static final String BOLD = CSI + "1m";
    static final String REVERSE = CSI + "7m";
    static final String RED = CSI + "31m";
    static final String ERASE_LINE_END = CSI + "K";
    static final String ERASE_BELOW = CSI + "J";
    static final String HIDE_CURSOR = CSI + "?25l";
    static final String SHOW_CURSOR = CSI + "?25h";

    private Sgr() {}

    static String up(int lines) {
        return CSI + lines + "A";
    }

    /** {@code text} wrapped in {@code style} when color is on, else unchanged. */
    static String style(String style, String text, boolean color) {
        return color ? style + text + RESET : text;
    }
}
