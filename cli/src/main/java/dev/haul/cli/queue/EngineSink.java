package dev.haul.cli.queue;

import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;

/** The end of the chain: requests go to the engine. */
public final class EngineSink implements RequestSink {
    private final DownloadEngine engine;

    public EngineSink(DownloadEngine engine) {
        this.engine = engine;
    }

    /** Queues {@code request} and returns its transfer id. */
    public long submitWithId(DownloadRequest request) {
        return engine.submit(request);
    }

    @Override
    public void submit(DownloadRequest request) {
        engine.submit(request);
    }

    @Override
    public void reject(String rawUrl, String message) {
        engine.reject(rawUrl, message);
    }

    /** Keeps the run open for a request still on its way (see {@link DownloadEngine#holdInput()}). */
    public void holdInput() {
        engine.holdInput();
    }

    public void releaseInput() {
        engine.releaseInput();
    }

    @Override
    public void finishInput() {
        engine.finishInput();
    }
}
