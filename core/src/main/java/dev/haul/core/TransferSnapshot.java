package dev.haul.core;

import java.nio.file.Path;

/**
 * An immutable picture of one transfer, safe to share with any thread.
 *
 * @param id          engine-wide id, in submission order from 1
 * @param url         the URL as requested, user info masked
 * @param name        the final file name once known, else null
 * @param path        the final path once known, else null
 * @param state       where it is
 * @param bytesDone   body bytes saved so far (including resumed ones)
 * @param totalBytes  the full size when known, else -1
 * @param bytesPerSecond recent speed
 * @param attempt     1 for the first attempt, incremented by retries
 * @param sources     the file's live sources, URLs with user info masked (the URL alone unless it has mirrors)
 * @param connections connections fetching it now (more than 1 when segmented)
 */
public record TransferSnapshot(
        long id,
        String url,
        String name,
        Path path,
        TransferState state,
        long bytesDone,
        long totalBytes,
        long bytesPerSecond,
        int attempt,
        java.util.List<String> sources,
        int connections) {

    public TransferSnapshot(long id, String url, String name, Path path, TransferState state, long bytesDone,
            long totalBytes, long bytesPerSecond, int attempt) {
        this(id, url, name, path, state, bytesDone, totalBytes, bytesPerSecond, attempt, java.util.List.of(url), 1);
    }
}
