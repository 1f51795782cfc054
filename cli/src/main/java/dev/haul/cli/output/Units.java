package dev.haul.cli.output;

import java.util.Locale;

/** Human sizes, speeds and durations: binary units, one decimal. */
public final class Units {
    private Units() {}

    public static String bytes(long n) {
        if (n < 0) return "?";
        if (n < 1024) return n + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int i = -1;
        do {
            v /= 1024;
            i++;
        } while (v >= 1024 && i < units.length - 1);
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    public static String speed(long bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    public static String seconds(long millis) {
        if (millis < 60_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        long s = millis / 1000;
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
