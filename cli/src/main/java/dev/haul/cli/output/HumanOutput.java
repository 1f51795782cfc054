package dev.haul.cli.output;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferEvent;

/**
 * What stderr shows a person: plain lines ({@link PlainReporter}) or the live display. The
 * {@link EventPrinter} calls every method on the main thread, never on the engine's loop.
 */
public interface HumanOutput {
    /** An event, in the order the engine sent them. */
    void on(TransferEvent event);

    /**
     * Whether {@link #on} shows this event straight away (and so the printing thread must wake up
     * for it); the others are handed over at the next wake-up or tick, still in order.
     */
    default boolean showsAtOnce(TransferEvent event) {
        return true;
    }

    /** How often {@link #tick} wants to run. */
    long tickMillis();

    /** Called about every {@link #tickMillis()} with the latest snapshot. */
    void tick(EngineSnapshot snapshot);

    /**
     * Runs {@code write}, which writes a line to stdout. A display that shares the screen with
     * stdout moves out of the way first, so the line lands above it and not inside it.
     */
    default void aroundStdout(Runnable write) {
        write.run();
    }

    /** No more events or ticks: leave the terminal tidy for the summary line. */
    default void close() {}

    /** --retries, so that a retry can say which attempt of how many comes next. */
    default void retries(int retries) {}

    /** The URL list is read from standard input: say so while nothing has come from it. */
    default void listOnStdin() {}

    /** The run stopped early for this reason (say, "standard output closed"): the summary says so. */
    default void stoppedBecause(String reason) {}

    /** The last line of a run. */
    void summary(int done, int failed, int cancelled, long bytes, long elapsedMillis);

    /** The last line when -N found files unchanged: those are counted apart from {@code done}. */
    default void summary(int done, int unchanged, int failed, int cancelled, long bytes, long elapsedMillis) {
        summary(done, failed, cancelled, bytes, elapsedMillis);
    }
}
