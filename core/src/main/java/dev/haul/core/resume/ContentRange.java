package dev.haul.core.resume;

/**
 * A parsed {@code Content-Range: bytes START-END/TOTAL} (TOTAL may be {@code *}: -1 here), or
 * the unsatisfied form {@code bytes * /TOTAL} of a 416.
 */
public record ContentRange(long start, long end, long total) {

    public boolean unsatisfied() {
        return start < 0;
    }

    /** Null when the header is missing or malformed. */
    public static ContentRange parse(String header) {
        if (header == null) return null;
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes", 0, 5)) return null;
        h = h.substring(5).trim();
        int slash = h.indexOf('/');
        if (slash < 0) return null;
        String range = h.substring(0, slash).trim();
        String totalText = h.substring(slash + 1).trim();
        try {
            long total = totalText.equals("*") ? -1 : Long.parseLong(totalText);
            if (range.equals("*")) return total < 0 ? null : new ContentRange(-1, -1, total);
            int dash = range.indexOf('-');
            if (dash <= 0) return null;
            long start = Long.parseLong(range.substring(0, dash).trim());
            long end = Long.parseLong(range.substring(dash + 1).trim());
            if (start < 0 || end < start || (total >= 0 && end >= total)) return null;
            return new ContentRange(start, end, total);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
