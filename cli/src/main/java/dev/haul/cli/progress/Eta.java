package dev.haul.cli.progress;

import java.util.Locale;

/** Time left, as a clock a person reads at a glance: 0:07, 12:30, 1:02:03. */
final class Eta {
    static final String UNKNOWN = "--:--";

    private Eta() {}

    /** The time to move {@code remaining} bytes at {@code bytesPerSecond}, or {@link #UNKNOWN}. */
    static String of(long remaining, long bytesPerSecond) {
        if (remaining < 0 || bytesPerSecond <= 0) return UNKNOWN;
        return clock((remaining + bytesPerSecond - 1) / bytesPerSecond);
    }

    static String clock(long seconds) {
        if (seconds >= 100 * 3600) return ">99h";
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
