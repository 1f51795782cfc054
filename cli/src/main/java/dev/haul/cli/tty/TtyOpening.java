package dev.haul.cli.tty;

import dev.haul.cli.input.KeySource;
import dev.haul.cli.progress.ScreenSize;

import java.util.concurrent.CompletableFuture;

/**
 * A {@link Tty} being built on a thread of its own: the build costs a few hundred ms, which
 * then overlap the engine's start and the first transfers instead of delaying them. Whoever
 * needs the terminal (the first frame, the first key read, the final restore) waits for it.
 */
public final class TtyOpening implements ScreenSize, AutoCloseable {
    private final CompletableFuture<Tty> tty = new CompletableFuture<>();
    private final boolean raw;
    private volatile boolean begun;
    private volatile KeySource keys;

    private TtyOpening(boolean raw) {
        this.raw = raw;
    }

    /** Starts opening the terminal; with {@code raw}, it enters raw mode for keys as soon as it is built. */
    public static TtyOpening start(boolean raw) {
        TtyOpening opening = deferred(raw);
        opening.begin();
        return opening;
    }

    /**
     * A terminal to open later, with {@link #begin()}: haul started in the background must not
     * touch the terminal's modes until it is the foreground job.
     */
    public static TtyOpening deferred(boolean raw) {
        return new TtyOpening(raw);
    }

    /** Starts opening the terminal, if not yet started. */
    public synchronized void begin() {
        if (begun) return;
        begun = true;
        Thread t = new Thread(() -> {
            try {
                tty.complete(Tty.open(raw));
            } catch (Throwable e) {
                tty.complete(null);
            }
        }, "haul-tty-open");
        t.setDaemon(true);
        t.start();
    }

    /** The terminal, waiting for it to be built; null when there is none (or it was never begun). */
    public Tty await() {
        return begun ? tty.join() : null;
    }

    @Override
    public int columns() {
        Tty t = await();
        return t == null ? 0 : t.columns();
    }

    @Override
    public int rows() {
        Tty t = await();
        return t == null ? 0 : t.rows();
    }

    /** Keys from the terminal once it is open; the end of input at once when it could not be opened. */
    public KeySource keys() {
        return timeoutMillis -> {
            KeySource k = keys;
            if (k == null) {
                Tty t = await();
                if (t == null) return KeySource.EOF;
                keys = k = t.keys();
            }
            return k.read(timeoutMillis);
        };
    }

    /** For a forced halt: restores the terminal if it is open by now, without waiting. */
    public void restoreNow() {
        Tty t = tty.getNow(null);
        if (t != null) t.restore();
    }

    /** Waits for the build to finish, then gives the terminal back and closes it. */
    @Override
    public void close() {
        Tty t = await();
        if (t != null) t.close();
    }
}
