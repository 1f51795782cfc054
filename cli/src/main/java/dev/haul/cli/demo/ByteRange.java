package dev.haul.cli.demo;

/**
 * The part of a file a GET is answered with, decided from its Range and If-Range headers: the
 * whole file (200), one slice (206) or nothing (416). Only a single range is honoured; a list of
 * ranges, another unit or a malformed value is ignored, which RFC 9110 allows.
 *
 * @param first first byte of a PARTIAL answer
 * @param last  last byte of a PARTIAL answer, inclusive
 */
record ByteRange(Kind kind, long first, long last) {
    enum Kind { WHOLE, PARTIAL, UNSATISFIABLE }

    private static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, 0, -1);

    /**
     * @param range        the Range header, or null
     * @param ifRange      the If-Range header, or null: the range is honoured only when it matches a validator
     * @param etag         the file's ETag
     * @param lastModified the file's Last-Modified, as sent
     */
    static ByteRange select(String range, String ifRange, String etag, String lastModified, long size) {
        ByteRange whole = new ByteRange(Kind.WHOLE, 0, size - 1);
        if (range == null) return whole;
        if (ifRange != null && !ifRange.trim().equals(etag) && !ifRange.trim().equals(lastModified)) return whole;
        String spec = range.trim();
        if (!spec.regionMatches(true, 0, "bytes=", 0, 6)) return whole;
        spec = spec.substring(6).trim();
        int dash = spec.indexOf('-');
        if (spec.indexOf(',') >= 0 || dash < 0) return whole;
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        boolean hasFrom = !from.isEmpty();
        boolean hasTo = !to.isEmpty();
        if (hasFrom && !isNumber(from) || hasTo && !isNumber(to) || !hasFrom && !hasTo) return whole;
        try {
            if (!hasFrom) {
                long suffix = Long.parseLong(to);
                if (suffix == 0 || size == 0) return UNSATISFIABLE;
                return new ByteRange(Kind.PARTIAL, Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(from);
            if (hasTo && Long.parseLong(to) < first) return whole; // not a valid range at all: ignored
            if (first >= size) return UNSATISFIABLE;
            long last = hasTo ? Math.min(Long.parseLong(to), size - 1) : size - 1;
            return new ByteRange(Kind.PARTIAL, first, last);
        } catch (NumberFormatException tooBig) {
            return whole;
        }
    }

    long length() {
        return last - first + 1;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
