package dev.haul.core;

import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the user asked for: one URL, where it goes, and the per-URL options of a list line.
 *
 * @param url       an http or https URL, already checked by {@link Urls#parse}
 * @param outName   the name given with {@code -o} or {@code out=}, or null to derive one
 * @param sha256    expected lowercase hex digest of the body, or null
 * @param stream    when not null, the body goes to this stream ({@code -o -}) instead of a file
 * @param mirrors   other sources of the same file (more URLs on a list line, {@code --mirror}); never null
 */
public record DownloadRequest(URI url, String outName, String sha256, OutputStream stream, List<URI> mirrors) {
    public DownloadRequest {
        Objects.requireNonNull(url, "url");
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    }

    public DownloadRequest(URI url, String outName, String sha256, OutputStream stream) {
        this(url, outName, sha256, stream, List.of());
    }

    /** A request whose body goes to a file. */
    public DownloadRequest(URI url, String outName, String sha256) {
        this(url, outName, sha256, null, List.of());
    }

    public static DownloadRequest of(URI url) {
        return new DownloadRequest(url, null, null, null, List.of());
    }

    /** The same request with more sources. */
    public DownloadRequest withMirrors(List<URI> more) {
        return new DownloadRequest(url, outName, sha256, stream, more);
    }

    /** Every source, the URL given first leading. */
    public List<URI> sources() {
        List<URI> all = new ArrayList<>();
        all.add(url);
        all.addAll(mirrors);
        return all;
    }
}
