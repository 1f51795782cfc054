package dev.haul.cli.queue;

import dev.haul.core.DownloadRequest;

/** Takes the requests of a run (the URL arguments, list lines, the add-URL prompt). Thread-safe. */
public interface RequestSink {
    /** Queues {@code request}. */
    void submit(DownloadRequest request);

    /** A list line that cannot be downloaded: reported as a failed item. {@code rawUrl} is masked. */
    void reject(String rawUrl, String message);

    /** No more requests will come from the list. */
    void finishInput();
}
