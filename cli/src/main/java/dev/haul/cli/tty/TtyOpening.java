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
    private volatile KeySource keys;

    private TtyOpening() {}

    /** Starts opening the terminal; with {@code raw}, it enters raw mode for keys as soon as it is built. */
    public static TtyOpening start(boolean raw) {
        TtyOpening opening = new TtyOpening();
        Thread t = new Thread(() -> {
            try {
                opening.tty.complete(Tty.open(raw));
            } catch (Throwable e) {
                opening.tty.complete(null);
            }
        }, "haul-tty-open");
        t.setDaemon(true);
        t.start();
        return opening;
    }

    /** The terminal, waiting for it to be built; null when there is none. */
    public Tty await() {
        return tty.join();
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
