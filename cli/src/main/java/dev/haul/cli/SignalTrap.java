package dev.haul.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an orderly stop (cancel all, keep .part files) with exit
 * status 130, 143 or 129, instead of the JVM's abrupt exit. A second signal exits at once.
 *
 * <p>SIGQUIT is the JVM's own (a thread dump) and cannot be trapped from Java, not even with
 * -Xrs (which would also take SIGINT, SIGTERM and SIGHUP away from Java). Ctrl-\ on the live
 * display arrives as a key instead (raw mode) and quits with 131; see the README.
 */
final class SignalTrap implements AutoCloseable {
    private static final Map<String, Integer> STATUS = Map.of(
            "INT", ExitCodes.INTERRUPTED,
            "TERM", ExitCodes.TERMINATED,
            "HUP", ExitCodes.HANGUP,
            "QUIT", ExitCodes.QUIT);

    private final Map<String, SignalHandler> old;

    private SignalTrap(Map<String, SignalHandler> old) {
        this.old = old;
    }

    static SignalTrap install(IntConsumer onSignal) {
        return install(onSignal, () -> {});
    }

    /**
     * @param beforeHalt runs before a second signal halts the JVM: halting skips shutdown hooks,
     *                   so this is the last chance to give the terminal back
     */
    static SignalTrap install(IntConsumer onSignal, Runnable beforeHalt) {
        boolean[] seen = new boolean[1];
        SignalHandler handler = sig -> {
            int status = STATUS.getOrDefault(sig.getName(), ExitCodes.INTERRUPTED);
            synchronized (seen) {
                if (seen[0]) {
                    beforeHalt.run();
                    Runtime.getRuntime().halt(status);
                }
                seen[0] = true;
            }
            onSignal.accept(status);
        };
        Map<String, SignalHandler> old = new LinkedHashMap<>();
        for (String name : new String[] {"INT", "TERM", "HUP", "QUIT"}) {
            SignalHandler previous = trap(name, handler);
            if (previous != null) old.put(name, previous);
        }
        return new SignalTrap(old);
    }

    private static SignalHandler trap(String name, SignalHandler handler) {
        try {
            return Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            // Not available here: QUIT always (the JVM's), HUP under nohup, all of them with -Xrs.
            return null;
        }
    }

    @Override
    public void close() {
        old.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
    }
}
