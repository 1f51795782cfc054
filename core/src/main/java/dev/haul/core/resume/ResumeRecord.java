package dev.haul.core.resume;

/**
 * What the sidecar of a {@code .part} remembers about the download it belongs to.
 *
 * @param url          the URL as requested (user info removed: no secret is written to disk)
 * @param etag         the response's ETag, or null
 * @param lastModified the response's Last-Modified, or null
 * @param total        the full size, or -1 when the server did not say
 * @param ranges       for a segmented download, the byte ranges known to be saved, as
 *                     {@code start-end} pairs ({@code end} exclusive) separated by commas; null when the
 *                     {@code .part} is one contiguous run from byte 0 (its length says how far)
 * @param sources      for a file with several sources, their URLs without user info, space-separated
 *                     (a rerun resumes from all of them); null for one source
 */
public record ResumeRecord(String url, String etag, String lastModified, long total, String ranges, String sources) {

    public ResumeRecord(String url, String etag, String lastModified, long total, String ranges) {
        this(url, etag, lastModified, total, ranges, null);
    }

    public ResumeRecord(String url, String etag, String lastModified, long total) {
        this(url, etag, lastModified, total, null, null);
    }

    public ResumeRecord withSources(String recorded) {
        return new ResumeRecord(url, etag, lastModified, total, ranges, recorded);
    }

    public ResumeRecord withRanges(java.util.List<long[]> done) {
        StringBuilder b = new StringBuilder();
        for (long[] r : done) {
            if (b.length() > 0) b.append(',');
            b.append(r[0]).append('-').append(r[1]);
        }
        return new ResumeRecord(url, etag, lastModified, total, b.toString(), sources);
    }

    /** The recorded ranges, or null when the record has none (a contiguous .part). Malformed → empty. */
    public java.util.List<long[]> rangeList() {
        if (ranges == null) return null;
        java.util.List<long[]> out = new java.util.ArrayList<>();
        if (ranges.isBlank()) return out;
        try {
            for (String part : ranges.split(",")) {
                int dash = part.indexOf('-');
                long a = Long.parseLong(part.substring(0, dash).trim());
                long b = Long.parseLong(part.substring(dash + 1).trim());
                if (a < 0 || b < a || (total >= 0 && b > total)) return new java.util.ArrayList<>();
                out.add(new long[] {a, b});
            }
        } catch (RuntimeException e) {
            return new java.util.ArrayList<>(); // trust nothing rather than a misread range
        }
        return out;
    }

    /** A strong ETag, else Last-Modified, else null: weak ETags cannot vouch for byte ranges. */
    public String validator() {
        if (etag != null && !etag.startsWith("W/")) return etag;
        return lastModified;
    }

    public boolean hasValidator() {
        return validator() != null;
    }
}
