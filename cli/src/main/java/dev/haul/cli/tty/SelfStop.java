package dev.haul.cli.tty;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Stops this process the way the terminal's Ctrl-Z would (SIGTSTP with its default action), so
 * the shell sees a stopped job; returns once it is continued ({@code fg}, {@code bg}, SIGCONT).
 * Java has no call for that: the JDK's own raise() is used, opened by the jar's manifest
 * ({@code Add-Opens: java.base/jdk.internal.misc}); without it (another launcher), a
 * {@code kill -STOP} of itself does the same (zsh then says "suspended (signal)").
 */
final class SelfStop {
    private static final Method RAISE = raise();

    private SelfStop() {}

    /** Stops now; the caller has given the terminal back. Called on the key or signal thread. */
    static void now(SignalHandler ours) {
        Signal tstp = new Signal("TSTP");
        if (RAISE != null) {
            Signal.handle(tstp, SignalHandler.SIG_DFL);
            try {
                RAISE.invoke(null, tstp.getNumber()); // the default action stops the process before raise returns
                return;
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to kill -STOP
            } finally {
                Signal.handle(tstp, ours);
            }
        }
        try {
            Process kill = new ProcessBuilder("kill", "-STOP", String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            // No kill command: the terminal is given back and haul keeps going.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Method raise() {
        try {
            Method m = Class.forName("jdk.internal.misc.Signal").getDeclaredMethod("raise0", int.class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not opened to haul: kill -STOP instead
        }
    }
}
