package dev.haul.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked for: one URL, where it goes, and the per-URL options of a list line.
 *
 * @param url       an http or https URL, already checked by {@link Urls#parse}
 * @param outName   the name given with {@code -o} or {@code out=}, or null to derive one
 * @param sha256    expected lowercase hex digest of the body, or null
 */
public record DownloadRequest(URI url, String outName, String sha256) {
    public DownloadRequest {
        Objects.requireNonNull(url, "url");
    }

    public static DownloadRequest of(URI url) {
        return new DownloadRequest(url, null, null);
    }

    public Optional<String> outNameOpt() {
        return Optional.ofNullable(outName);
    }
}
