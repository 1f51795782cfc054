package dev.haul.cli.input;

import java.io.IOException;

/**
 * Turns typed characters into commands. Arrow keys arrive as escape sequences (CSI "ESC [ A" or,
 * in application cursor mode, SS3 "ESC O A"); PgUp/PgDn as "ESC [ 5 ~" / "ESC [ 6 ~"; Home/End
 * as "ESC [ H" / "ESC [ F", "ESC O H" / "ESC O F", "ESC [ 1 ~" / "ESC [ 4 ~" or (rxvt) "ESC [ 7 ~" /
 * "ESC [ 8 ~". Any other sequence is read to its end and ignored, so its bytes are never taken
 * for letters. In raw mode the terminal sends Ctrl-C, Ctrl-Z and Ctrl-\ as bytes, not signals.
 */
public final class KeyDecoder {
    static final int ESC = 0x1b;
    static final int CTRL_C = 0x03;
    static final int CTRL_Z = 0x1a;
    static final int CTRL_BACKSLASH = 0x1c;
    /** The rest of an escape sequence follows at once; a lone ESC is followed by nothing. */
    private static final long SEQUENCE_GAP_MILLIS = 50;

    private final KeySource source;

    public KeyDecoder(KeySource source) {
        this.source = source;
    }

    /** The command for a character just read (reading the rest of an escape sequence), or null for none. */
    public Command decode(int c) throws IOException {
        return switch (c) {
            case 'k', 'K' -> Command.SELECT_UP;
            case 'j', 'J' -> Command.SELECT_DOWN;
            case 'c', 'C' -> Command.CANCEL;
            case 'p', 'P' -> Command.TOGGLE_PAUSE;
            case '+', '=' -> Command.MORE_JOBS;
            case '-', '_' -> Command.FEWER_JOBS;
            case 'q', 'Q', CTRL_C -> Command.QUIT;
            case 'a', 'A' -> Command.ADD_URL;
            case 'g' -> Command.SELECT_FIRST;
            case 'G' -> Command.SELECT_LAST;
            case '?' -> Command.HELP;
            case CTRL_Z -> Command.SUSPEND;
            case CTRL_BACKSLASH -> Command.QUIT_SIGNAL;
            case ESC -> escape();
            default -> null;
        };
    }

    private Command escape() throws IOException {
        int introducer = source.read(SEQUENCE_GAP_MILLIS);
        if (introducer != '[' && introducer != 'O') return null;
        int c = source.read(SEQUENCE_GAP_MILLIS);
        // Parameters (digits, ';') come before the final byte, e.g. "ESC [ 1 ; 5 A" for Ctrl-Up;
        // the first number tells the "~" keys apart.
        int first = -1;
        boolean inFirst = true;
        while (c >= 0x30 && c <= 0x3f) {
            if (c >= '0' && c <= '9' && inFirst) first = Math.max(0, first) * 10 + (c - '0');
            else inFirst = false;
            c = source.read(SEQUENCE_GAP_MILLIS);
        }
        return switch (c) {
            case 'A' -> Command.SELECT_UP;
            case 'B' -> Command.SELECT_DOWN;
            case 'H' -> Command.SELECT_FIRST;
            case 'F' -> Command.SELECT_LAST;
            case '~' -> switch (first) {
                case 1, 7 -> Command.SELECT_FIRST;
                case 4, 8 -> Command.SELECT_LAST;
                case 5 -> Command.PAGE_UP;
                case 6 -> Command.PAGE_DOWN;
                default -> null;
            };
            default -> null;
        };
    }
}
