package dev.haul.core.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A body written to a stream ({@code -o -}) instead of a file. Writing to a pipe can block, and
 * nothing may block the loop, so a writer thread of its own does the writes; when it falls
 * behind by more than {@link #HIGH_WATER} bytes the loop stops reading from the socket until
 * it catches up. {@link #write} and {@link #finish} run on the loop.
 */
public final class StreamSink {
    static final long HIGH_WATER = 4L << 20;
    static final long LOW_WATER = 1L << 20;
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final CompletableFuture<Void> flushed = new CompletableFuture<>();
    private final Runnable onDrained;
    private volatile boolean wantDrainSignal;
    private final java.util.function.Consumer<Throwable> onBroken;

    /**
     * @param out       where the bytes go
     * @param onDrained called on the writer thread when a paused reader may go on: post it to the loop
     */
    public StreamSink(OutputStream out, Runnable onDrained, java.util.function.Consumer<Throwable> onBroken) {
        this.onDrained = onDrained;
        this.onBroken = onBroken;
        Thread writer = new Thread(() -> drain(out), "haul-stdout");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a copy of the chunk. Returns true when the reader should pause until {@code onDrained}. */
    public boolean write(ByteBuffer chunk) {
        byte[] copy = new byte[chunk.remaining()];
        chunk.get(copy);
        long now = pending.addAndGet(copy.length);
        // Asked for before the bytes are queued, so the writer cannot drain past it unnoticed.
        if (now > HIGH_WATER) wantDrainSignal = true;
        queue.add(copy);
        return now > HIGH_WATER;
    }

    /** Completes when every queued byte is written and flushed (or fails with the write error). */
    public CompletableFuture<Void> finish() {
        queue.add(END);
        return flushed;
    }

    /** Lets the writer thread end without flushing more (cancel or failure). */
    public void abandon() {
        queue.clear();
        queue.add(END);
    }

    private void drain(OutputStream out) {
        try {
            while (true) {
                byte[] b = queue.take();
                if (b == END) {
                    out.flush();
                    flushed.complete(null);
                    return;
                }
                out.write(b);
                long left = pending.addAndGet(-b.length);
                if (queue.isEmpty()) out.flush();
                if (wantDrainSignal && left < LOW_WATER) {
                    wantDrainSignal = false;
                    onDrained.run();
                }
            }
        } catch (IOException e) {
            // The reader went away (a closed pipe): the download cannot go on, and the loop must hear it.
            flushed.completeExceptionally(e);
            onBroken.accept(e);
        } catch (InterruptedException e) {
            flushed.completeExceptionally(e);
        }
    }

}
