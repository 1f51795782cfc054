package dev.haul.core.resume;

/**
 * What the sidecar of a {@code .part} remembers about the download it belongs to.
 *
 * @param url          the URL as requested (user info removed: no secret is written to disk)
 * @param etag         the response's ETag, or null
 * @param lastModified the response's Last-Modified, or null
 * @param total        the full size, or -1 when the server did not say
 */
public record ResumeRecord(String url, String etag, String lastModified, long total) {

    /** A strong ETag, else Last-Modified, else null: weak ETags cannot vouch for byte ranges. */
    public String validator() {
        if (etag != null && !etag.startsWith("W/")) return etag;
        return lastModified;
    }

    public boolean hasValidator() {
        return validator() != null;
    }
}
