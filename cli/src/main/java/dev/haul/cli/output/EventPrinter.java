package dev.haul.cli.output;

import dev.haul.core.EngineListener;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints what happens. The engine hands events over on the loop thread through
 * {@link #onEvent}, which only queues them; {@link #run} drains the queue on the main thread, so
 * a slow terminal or a full pipe never stalls a download.
 */
public final class EventPrinter implements EngineListener {
    private static final Object END = new Object();
    private static final long PLAIN_SUMMARY_EVERY_MS = 5000;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final PrintStream out;
    private final boolean json;
    private final boolean pathsOnStdout;
    private final String dirAsGiven;
    private final JsonEventWriter jsonWriter;
    private final PlainReporter human;
    private int done;
    private int failed;
    private int cancelled;
    private long bytes;
    private boolean stdoutBroken;
    private Runnable onStdoutBroken = () -> {};

    /**
     * @param pathsOnStdout false when stdout carries a body ({@code -o -}): then nothing else goes there
     */
    public EventPrinter(OutputStream stdout, PrintStream err, boolean json, boolean pathsOnStdout, boolean quiet, String dirAsGiven) {
        this.out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        this.json = json;
        this.pathsOnStdout = pathsOnStdout;
        this.dirAsGiven = dirAsGiven;
        this.jsonWriter = new JsonEventWriter(dirAsGiven == null ? null : java.nio.file.Path.of(dirAsGiven));
        this.human = new PlainReporter(err, quiet, dirAsGiven);
    }

    /** On the loop: queue and return. */
    @Override
    public void onEvent(TransferEvent event) {
        queue.add(event);
    }

    /** No more events will come (the engine is idle or stopped). Any thread. */
    public void end() {
        queue.add(END);
    }

    /**
     * Prints events until {@link #end()}; every 5 s without an end, a summary line from the latest snapshot.
     * Runs on the calling (main) thread.
     */
    public void run(Supplier<EngineSnapshot> snapshots) throws InterruptedException {
        long nextSummary = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PLAIN_SUMMARY_EVERY_MS);
        while (true) {
            long wait = nextSummary - System.nanoTime();
            Object item = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
            if (item == END) return;
            if (item instanceof TransferEvent e) {
                print(e);
            } else if (System.nanoTime() >= nextSummary) {
                human.progress(snapshots.get());
                nextSummary = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PLAIN_SUMMARY_EVERY_MS);
            }
        }
    }

    private void print(TransferEvent e) {
        if (e instanceof TransferEvent.Finished f) count(f.outcome());
        human.on(e);
        if (json) {
            writeLine(jsonWriter.format(e));
        } else if (pathsOnStdout && e instanceof TransferEvent.Finished f && f.outcome() instanceof Outcome.Completed c) {
            writeLine(ShownPaths.of(dirAsGiven, c.path()));
        }
    }

    private void count(Outcome o) {
        if (o instanceof Outcome.Completed c) {
            done++;
            if (!c.skipped()) bytes += Math.max(0, c.bytes());
        } else if (o instanceof Outcome.Failed) {
            failed++;
        } else {
            cancelled++;
        }
    }

    /** Writes and flushes one line, so a consumer sees each file as soon as it is complete. */
    private void writeLine(String line) {
        out.print(line);
        out.print('\n');
        out.flush();
        if (out.checkError() && !stdoutBroken) {
            stdoutBroken = true;
            onStdoutBroken.run();
        }
    }

    public void summary(long elapsedMillis, int exitCode) {
        if (json) writeLine(jsonWriter.summary(done, failed, cancelled, bytes, elapsedMillis, exitCode));
        human.summary(done, failed, cancelled, bytes, elapsedMillis);
    }

    public int failed() {
        return failed;
    }

    /** What to do when stdout is closed by its reader (say, {@code | head -1}): stop the run. */
    public void onStdoutBroken(Runnable action) {
        this.onStdoutBroken = action;
    }

    public boolean stdoutBroken() {
        return stdoutBroken;
    }
}
