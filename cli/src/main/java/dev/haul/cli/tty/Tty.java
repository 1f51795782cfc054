package dev.haul.cli.tty;

import dev.haul.cli.input.KeySource;
import dev.haul.cli.progress.ScreenSize;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.TerminalExt;
import org.jline.utils.NonBlockingReader;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controlling terminal, opened through /dev/tty so keys work while the URL list arrives on
 * standard input. Built only when stderr is a terminal: building costs a few hundred ms.
 *
 * <p>In raw mode the terminal no longer echoes, buffers lines or turns Ctrl-C into SIGINT (it
 * arrives as byte 3), so it must be given back on every way out: {@link #close()} in the
 * session's finally, {@link #restore()} before a forced halt, and a shutdown hook for the rest.
 */
public final class Tty implements ScreenSize, AutoCloseable {
    private static final String SHOW_CURSOR = "\u001b[?25h";
    /** Other providers (exec) run a process to learn the size: ask them at most this often. */
    private static final long SLOW_SIZE_EVERY_NANOS = 1_000_000_000L;

    private final Terminal terminal;
    private final boolean raw;
    /** The modes to give back: as they were before raw mode was (last) entered. */
    private Attributes original;
    /** Given back for a while (Ctrl-Z, background): raw mode is entered again by {@link #takeBack()}. */
    private boolean paused;
    private final boolean fastSize;
    private final Thread hook = new Thread(this::restore, "haul-tty-restore");
    private Size size;
    private long sizeAt;
    private boolean restored;

    private Tty(Terminal terminal, Attributes original) {
        this.terminal = terminal;
        this.original = original;
        this.raw = original != null;
        String provider = terminal instanceof TerminalExt ext && ext.getProvider() != null ? ext.getProvider().name() : "";
        this.fastSize = provider.equals("jni") || provider.equals("ffm");
    }

    /**
     * Opens the terminal; with {@code raw} also enters raw mode for keys. Null when there is no
     * usable terminal: then the display guesses the size and no keys are read.
     */
    public static Tty open(boolean raw) {
        // JLine reports through java.util.logging, which would print on the very stderr we draw on.
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        // JLine's own exit hook closes the terminal, which sets its modes: from the background
        // (haul sent there by Ctrl-Z and bg) that stops haul on its way out (SIGTTOU) and spoils the
        // shell's modes. This class's hook gives the terminal back, and only in the foreground.
        System.setProperty("org.jline.shutdownhook.disable", "true");
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder()
                    .name("haul")
                    .system(true)
                    .devTty(true)
                    .providers("jni,exec")
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                    .nativeSignals(false) // SIGINT and SIGTERM stay with haul's own SignalTrap
                    .dumb(false)
                    // No probe of the terminal's modes (it writes queries and reads the answers): an
                    // answer late on a busy machine would reach the key reader, and the 'c' that
                    // ends the DA1 reply would cancel the selected transfer.
                    .graphemeCluster(false)
                    .build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
        Tty tty;
        try {
            tty = new Tty(terminal, raw ? terminal.enterRawMode() : null);
        } catch (RuntimeException e) {
            closeQuietly(terminal);
            return null;
        }
        Runtime.getRuntime().addShutdownHook(tty.hook);
        return tty;
    }

    /** Keys typed at the terminal (meaningful in raw mode). */
    public KeySource keys() {
        NonBlockingReader reader = terminal.reader();
        return timeoutMillis -> {
            int c = reader.read(timeoutMillis);
            if (c == NonBlockingReader.READ_EXPIRED) return KeySource.TIMEOUT;
            return c < 0 ? KeySource.EOF : c;
        };
    }

    @Override
    public synchronized int columns() {
        return size().getColumns();
    }

    @Override
    public synchronized int rows() {
        return size().getRows();
    }

    private Size size() {
        long now = System.nanoTime();
        if (size == null || fastSize || now - sizeAt > SLOW_SIZE_EVERY_NANOS) {
            try {
                size = terminal.getSize();
            } catch (RuntimeException e) {
                size = new Size(0, 0);
            }
            sizeAt = now;
        }
        return size;
    }

    /**
     * Gives the terminal back for a while (before haul stops on Ctrl-Z): its modes as they were
     * and the cursor shown. {@link #takeBack()} enters raw mode again.
     */
    public synchronized void pause() {
        if (restored || paused) return;
        paused = true;
        giveBack();
    }

    /**
     * Enters raw mode again after {@link #pause()}, starting from the modes the terminal has now
     * (the user may have changed them meanwhile). Only in the foreground: a background job that
     * set modes would be stopped by the terminal (SIGTTOU), and would spoil the shell's.
     */
    public synchronized void takeBack() {
        if (restored || !paused) return;
        paused = false;
        try {
            if (raw) original = terminal.enterRawMode();
        } catch (RuntimeException e) {
            // The terminal is gone: nothing to draw on either.
        }
    }

    /** Gives the terminal back as it was (modes and cursor). Idempotent; safe from a shutdown hook or a signal handler. */
    public synchronized void restore() {
        if (restored) return;
        restored = true;
        if (!paused) giveBack();
    }

    private void giveBack() {
        try {
            // In the background (stopped by a plain SIGSTOP, then bg) setting modes would stop
            // haul (SIGTTOU) and clobber the shell's own: leave them.
            if (original != null && Foreground.now()) terminal.setAttributes(original);
        } catch (RuntimeException e) {
            // Nothing more can be done for a terminal that is gone.
        }
        try {
            FileOutputStream err = new FileOutputStream(FileDescriptor.err);
            err.write(SHOW_CURSOR.getBytes(StandardCharsets.US_ASCII));
            err.flush();
        } catch (IOException e) {
            // stderr closed: nobody to show a cursor to.
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
        // Closing sets the modes JLine saw at the start: not from the background, for the same reason.
        if (Foreground.now()) closeQuietly(terminal);
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException | RuntimeException e) {
            // Closing is best effort: the attributes are already restored.
        }
    }
}
