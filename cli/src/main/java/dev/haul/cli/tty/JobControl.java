package dev.haul.cli.tty;

import dev.haul.cli.input.KeySource;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.function.BooleanSupplier;

/**
 * Shell job control for the live display. haul owns the terminal (raw mode for keys, the live
 * block) only while it is the foreground job: Ctrl-Z (a key, since raw mode turns signals off)
 * and SIGTSTP give the terminal back and stop haul as any program stops; after {@code fg} the
 * next frame takes it again and redraws. Started in the background ({@code haul URL &}), haul
 * never touches the terminal's modes: it prints plain lines until it becomes the foreground job,
 * which every frame checks (a read of /proc/self/stat a few times a second).
 *
 * <p>Threads: the main thread draws and calls {@link #owned()}; the key thread reads through
 * {@link #gate(KeySource)} and may {@link #suspend()}; signal handlers run on threads of their
 * own. All state is guarded by this object's monitor, which the drawing also holds, so the
 * block is never drawn into a terminal that was just given back.
 */
public final class JobControl {
    /** How often to ask whether haul is (still) the foreground job. */
    private static final long CHECK_EVERY_NANOS = 250_000_000L;

    private final TtyOpening tty;
    private final BooleanSupplier foreground;
    private Runnable hide = () -> { };
    private volatile boolean owned;
    private long checkedAt;
    private boolean checkNow;
    private SignalHandler tstp;

    private JobControl(TtyOpening tty, BooleanSupplier foreground) {
        this.tty = tty;
        this.foreground = foreground;
    }

    /**
     * Takes the terminal now if haul is the foreground job (opening {@code tty}), else at the first
     * frame that finds it is; handles SIGTSTP and SIGCONT from now on.
     */
    public static JobControl start(TtyOpening tty) {
        JobControl jobs = new JobControl(tty, Foreground::now);
        if (jobs.foreground.getAsBoolean()) {
            tty.begin();
            jobs.owned = true;
        }
        jobs.checkedAt = System.nanoTime();
        jobs.tstp = trap("TSTP", sig -> jobs.suspend());
        trap("CONT", sig -> jobs.lookAgain());
        return jobs;
    }

    /** What clears the live block when the terminal is given back (run under this monitor). */
    public synchronized void onHide(Runnable hide) {
        this.hide = hide;
    }

    /** Without taking the monitor: for the engine's thread, which must never wait. */
    public boolean ownedNow() {
        return owned;
    }

    /**
     * Whether the live display may draw now: called by the drawing thread, holding this monitor
     * while it draws. Takes the terminal when haul has become the foreground job; lets go of it
     * (drawing no more, touching no modes) when it is found in the background.
     */
    public synchronized boolean owned() {
        long now = System.nanoTime();
        if (checkNow || now - checkedAt >= CHECK_EVERY_NANOS) {
            checkNow = false;
            checkedAt = now;
            boolean fg = foreground.getAsBoolean();
            if (!owned && fg) take();
            else if (owned && !fg) {
                // Sent to the background without a SIGTSTP haul could see (SIGSTOP, then bg).
                hide.run();
                owned = false;
            }
        }
        return owned;
    }

    private void take() {
        tty.begin();
        Tty t = tty.await();
        if (t == null) return;
        t.takeBack();
        owned = true;
        notifyAll();
    }

    /**
     * Ctrl-Z or SIGTSTP: clears the block, gives the terminal's modes back, and stops haul until
     * it is continued. Transfers are left as they are: a stop longer than the stall timeout ends
     * in a retry that resumes from the bytes saved.
     */
    public void suspend() {
        synchronized (this) {
            if (owned) {
                hide.run();
                Tty t = tty.await();
                if (t != null) t.pause();
                owned = false;
            }
        }
        SelfStop.now(tstp);
        lookAgain();
    }

    private synchronized void lookAgain() {
        checkNow = true;
    }

    /** Keys are read only while haul owns the terminal: a job in the background that reads it is stopped, and it would take the shell's input. */
    public KeySource gate(KeySource keys) {
        return timeoutMillis -> {
            synchronized (this) {
                if (!owned) {
                    try {
                        wait(Math.max(1, timeoutMillis));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return KeySource.EOF;
                    }
                    if (!owned) return KeySource.TIMEOUT;
                }
            }
            return keys.read(timeoutMillis);
        };
    }

    private static SignalHandler trap(String name, SignalHandler handler) {
        try {
            Signal.handle(new Signal(name), handler);
            return handler;
        } catch (IllegalArgumentException e) {
            return SignalHandler.SIG_DFL;
        }
    }
}
