package dev.haul.cli;

import java.util.Locale;

/** Parses rates like {@code 500K}, {@code 2M}, {@code 1G} (powers of 1024) into bytes per second. */
final class RateParser {
    private RateParser() {}

    static long parse(String raw) {
        String s = raw.trim().toUpperCase(Locale.ROOT);
        if (s.endsWith("B")) s = s.substring(0, s.length() - 1);
        long unit = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> unit = 1;
            }
            if (unit > 1) s = s.substring(0, s.length() - 1);
        }
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
            return Math.max(1, (long) (v * unit));
        } catch (NumberFormatException e) {
            throw new UsageException("--limit-rate must look like 500K, 2M or 1G, not '" + raw + "'");
        }
    }
}
