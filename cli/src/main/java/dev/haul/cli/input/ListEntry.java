package dev.haul.cli.input;

import dev.haul.core.DownloadRequest;

/** One line of a URL list, parsed. */
public sealed interface ListEntry {

    /** A line that names a URL to download, with its per-line options. */
    record Request(DownloadRequest request) implements ListEntry {}

    /**
     * A line that cannot be downloaded. The contract reports it as a failed item; the other
     * lines still run.
     *
     * @param rawUrl  the line's first token, as written but with any user info masked
     * @param message why, starting with {@code "line N: "}; no secrets
     */
    record Invalid(String rawUrl, String message) implements ListEntry {}
}
