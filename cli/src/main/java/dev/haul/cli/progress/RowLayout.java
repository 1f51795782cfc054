package dev.haul.cli.progress;

/**
 * The columns of the transfer rows for one width: decided once per frame so every row lines up.
 * Narrow terminals lose columns in a fixed order (size, then ETA, then speed, then percent)
 * before the name gets shorter than {@link #MIN_NAME}.
 */
record RowLayout(int nameWidth, boolean size, boolean percent, boolean speed, boolean eta) {
    static final int GUTTER = 2;
    static final int GAP = 2;
    static final int SIZE = 23;   // "1023.9 KiB / 1023.9 KiB"
    static final int PERCENT = 4; // "100%"
    static final int SPEED = 12;  // "1023.9 KiB/s", "connecting"
    static final int ETA = 8;     // "99:59:59"
    static final int MIN_NAME = 12;

    static RowLayout forWidth(int width) {
        boolean size = true;
        boolean eta = true;
        boolean speed = true;
        boolean percent = true;
        while (true) {
            int name = width - GUTTER - columns(size, percent, speed, eta);
            if (name >= MIN_NAME || !(size || eta || speed || percent)) {
                return new RowLayout(Math.max(0, name), size, percent, speed, eta);
            }
            if (size) size = false;
            else if (eta) eta = false;
            else if (speed) speed = false;
            else percent = false;
        }
    }

    private static int columns(boolean size, boolean percent, boolean speed, boolean eta) {
        return (size ? GAP + SIZE : 0) + (percent ? GAP + PERCENT : 0) + (speed ? GAP + SPEED : 0) + (eta ? GAP + ETA : 0);
    }
}
