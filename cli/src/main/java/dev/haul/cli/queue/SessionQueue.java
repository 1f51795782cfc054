package dev.haul.cli.queue;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineListener;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --session FILE}: the run's queue, kept current in FILE. A request is written to FILE
 * before the engine sees it, and leaves FILE only after the engine says its file has its final
 * name, so FILE names every item not yet saved at every moment. One writer thread rewrites FILE
 * (never more often than every {@value #MIN_INTERVAL_MS} ms) and then hands the requests it
 * wrote to the engine. Events arrive on the loop, which only takes a lock for a moment.
 */
public final class SessionQueue implements RequestSink, EngineListener {
    static final long MIN_INTERVAL_MS = 250;

    private final SessionFile file;
    private final EngineSink engine;
    private final Consumer<String> warn;
    private final Object lock = new Object();
    /** Items not yet saved, by URL (user info left out), as their list lines. Guarded by lock. */
    private final Map<String, String> lines = new LinkedHashMap<>();
    private final Map<Long, String> keyOfId = new HashMap<>();
    private final List<Waiting> toSubmit = new ArrayList<>();
    private long version;
    private long writtenVersion = -1;
    private boolean inputFinished;
    private boolean finishSent;
    private boolean closed;
    private boolean warned;
    private Thread writer;

    /** A request written (or about to be) and not yet submitted; {@code held} when it keeps the run open. */
    private record Waiting(DownloadRequest request, boolean held) {}

    public SessionQueue(SessionFile file, EngineSink engine, Consumer<String> warn) {
        this.file = file;
        this.engine = engine;
        this.warn = warn;
    }

    /** Starts the writer; the first write happens at once (FILE exists, mode 0600, from the start). */
    public void start() {
        writer = new Thread(this::writeLoop, "haul-session");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void submit(DownloadRequest request) {
        String key = Shard.withoutUserInfo(request.url());
        synchronized (lock) {
            if (closed || lines.containsKey(key)) return; // a queued URL is queued once
            lines.put(key, SessionFile.line(request));
            if (finishSent) engine.holdInput(); // the add-URL prompt after the list ended: the run waits for it
            toSubmit.add(new Waiting(request, finishSent));
            version++;
            lock.notifyAll();
        }
    }

    @Override
    public void reject(String rawUrl, String message) {
        engine.reject(rawUrl, message); // a line that cannot be downloaded is reported, not kept
    }

    @Override
    public void finishInput() {
        synchronized (lock) {
            inputFinished = true;
            lock.notifyAll();
        }
    }

    /** On the loop: an item whose file has its final name leaves FILE. */
    @Override
    public void onEvent(TransferEvent event) {
        if (!(event instanceof TransferEvent.Finished f)) return;
        synchronized (lock) {
            String key = keyOfId.remove(f.transfer().id());
            if (key != null && f.outcome() instanceof Outcome.Completed) {
                lines.remove(key);
                version++;
                lock.notifyAll();
            }
        }
    }

    private void writeLoop() {
        long lastWrite = 0;
        try {
            while (true) {
                String text;
                long v;
                List<Waiting> batch;
                synchronized (lock) {
                    while (!closed && version == writtenVersion && !(inputFinished && !finishSent && toSubmit.isEmpty())) {
                        lock.wait();
                    }
                    if (closed) return;
                    v = version;
                    text = text();
                    batch = new ArrayList<>(toSubmit);
                    toSubmit.clear();
                }
                if (v != writtenVersion) {
                    write(text);
                    lastWrite = System.nanoTime();
                    synchronized (lock) {
                        writtenVersion = v;
                    }
                }
                synchronized (lock) {
                    // Under the lock: the loop's event for a new id waits until its key is known.
                    for (Waiting w : batch) {
                        keyOfId.put(engine.submitWithId(w.request()), Shard.withoutUserInfo(w.request().url()));
                        if (w.held()) engine.releaseInput();
                    }
                    // Only once every request that came before the end of input went to the engine: one
                    // submitted while this batch was being written is still in toSubmit.
                    if (inputFinished && !finishSent && toSubmit.isEmpty()) {
                        finishSent = true;
                        engine.finishInput();
                    }
                    // At most a few writes a second: wait out the rest of the interval (closing cuts it short).
                    long until = lastWrite + MIN_INTERVAL_MS * 1_000_000;
                    long left;
                    while (!closed && (left = until - System.nanoTime()) > 0) {
                        lock.wait(Math.max(1, left / 1_000_000));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String text() {
        StringBuilder b = new StringBuilder();
        for (String line : lines.values()) b.append(line).append('\n');
        return b.toString();
    }

    private void write(String text) {
        try {
            file.write(text);
        } catch (IOException | RuntimeException e) {
            if (!warned) warn.accept("cannot write the session file " + file.path() + ": " + e.getMessage());
            warned = true;
        }
    }

    /** At the end of the run: stops the writer and writes what is left (empty when every item was saved). */
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        if (writer != null) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text;
        synchronized (lock) {
            if (version == writtenVersion) return;
            text = text();
        }
        write(text);
    }
}
