package dev.haul.core;

import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;

/**
 * What the user asked for: one URL, where it goes, and the per-URL options of a list line.
 *
 * @param url       an http or https URL, already checked by {@link Urls#parse}
 * @param outName   the name given with {@code -o} or {@code out=}, or null to derive one
 * @param sha256    expected lowercase hex digest of the body, or null
 * @param stream    when not null, the body goes to this stream ({@code -o -}) instead of a file
 */
public record DownloadRequest(URI url, String outName, String sha256, OutputStream stream) {
    public DownloadRequest {
        Objects.requireNonNull(url, "url");
    }

    /** A request whose body goes to a file. */
    public DownloadRequest(URI url, String outName, String sha256) {
        this(url, outName, sha256, null);
    }

    public static DownloadRequest of(URI url) {
        return new DownloadRequest(url, null, null, null);
    }
}
