package dev.haul.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.function.IntConsumer;

/**
 * Turns SIGINT and SIGTERM into an orderly stop (cancel all, keep .part files) with exit status
 * 130 or 143, instead of the JVM's abrupt exit. A second signal exits at once.
 */
final class SignalTrap implements AutoCloseable {
    private final SignalHandler oldInt;
    private final SignalHandler oldTerm;

    private SignalTrap(SignalHandler oldInt, SignalHandler oldTerm) {
        this.oldInt = oldInt;
        this.oldTerm = oldTerm;
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
            int status = sig.getName().equals("TERM") ? ExitCodes.TERMINATED : ExitCodes.INTERRUPTED;
            synchronized (seen) {
                if (seen[0]) {
                    beforeHalt.run();
                    Runtime.getRuntime().halt(status);
                }
                seen[0] = true;
            }
            onSignal.accept(status);
        };
        SignalHandler oldInt = trap("INT", handler);
        SignalHandler oldTerm = trap("TERM", handler);
        return new SignalTrap(oldInt, oldTerm);
    }

    private static SignalHandler trap(String name, SignalHandler handler) {
        try {
            return Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            return null; // signal not available here (or the JVM was started with -Xrs)
        }
    }

    @Override
    public void close() {
        if (oldInt != null) Signal.handle(new Signal("INT"), oldInt);
        if (oldTerm != null) Signal.handle(new Signal("TERM"), oldTerm);
    }
}
