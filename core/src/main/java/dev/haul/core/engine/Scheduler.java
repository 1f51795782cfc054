package dev.haul.core.engine;

import dev.haul.core.*;
import dev.haul.core.transport.Transport;
import java.util.concurrent.CompletableFuture;

/** STUB: replaced by the real admission and transfer table. */
public final class Scheduler {
    public Scheduler(EngineConfig c, Transport t, EngineListener l) {}
    public void start() {}
    public void submit(long id, DownloadRequest r) { throw new UnsupportedOperationException(); }
    public void reject(long id, String raw, String msg) { throw new UnsupportedOperationException(); }
    public void finishInput() {}
    public CompletableFuture<Void> idleFuture() { return new CompletableFuture<>(); }
    public void cancel(long id) {}
    public void cancelAll() {}
    public void togglePause(long id) {}
    public void setJobs(int n) {}
    public EngineSnapshot latestSnapshot() { return EngineSnapshot.EMPTY; }
    public Thread loopThread() { return null; }
}
