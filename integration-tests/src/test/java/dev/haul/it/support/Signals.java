package dev.haul.it.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends a signal to a process with kill(1), as a user in another terminal would. */
public final class Signals {
    private Signals() {}

    /** {@code kill -NAME pid}, for a signal name such as INT, TERM or KILL. */
    public static void send(String name, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
