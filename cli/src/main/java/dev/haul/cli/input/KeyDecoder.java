package dev.haul.cli.input;

import java.io.IOException;

/**
 * Turns typed characters into commands. Arrow keys arrive as escape sequences (CSI "ESC [ A" or,
 * in application cursor mode, SS3 "ESC O A"); any other sequence is read to its end and ignored,
 * so its bytes are never taken for letters.
 */
public final class KeyDecoder {
    static final int ESC = 0x1b;
    static final int CTRL_C = 0x03;
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
            case ESC -> escape();
            default -> null;
        };
    }

    private Command escape() throws IOException {
        int introducer = source.read(SEQUENCE_GAP_MILLIS);
        if (introducer != '[' && introducer != 'O') return null;
        int c = source.read(SEQUENCE_GAP_MILLIS);
        // Parameters (digits, ';') come before the final byte, e.g. "ESC [ 1 ; 5 A" for Ctrl-Up.
        while (c >= 0x30 && c <= 0x3f) c = source.read(SEQUENCE_GAP_MILLIS);
        return switch (c) {
            case 'A' -> Command.SELECT_UP;
            case 'B' -> Command.SELECT_DOWN;
            default -> null;
        };
    }
}
