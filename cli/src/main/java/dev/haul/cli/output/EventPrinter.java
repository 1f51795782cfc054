package dev.haul.cli.output;

import dev.haul.core.EngineListener;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Prints what happens. The engine hands events over on the loop thread through
 * {@link #onEvent}, which only queues them; {@link #run} drains the queue on the main thread, so
 * a slow terminal or a full pipe never stalls a download. The main thread is woken only for
 * events that print something at once (a saved path, a JSON line, a plain "started" line); the
 * others wait for the next one or the next tick: with thousands of small files, a thread switch
 * per event costs more than the download.
 */
public final class EventPrinter implements EngineListener {
    private static final Object END = new Object();

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** The thread in {@link #run}, once it is there. */
    private volatile Thread reader;
    private final PrintStream out;
    private final boolean json;
    private final boolean pathsOnStdout;
    private final String dirAsGiven;
    private final JsonEventWriter jsonWriter;
    private final HumanOutput human;
    private int done;
    /** Of {@link #done}: the files -N found unchanged. */
    private int unchanged;
    private int failed;
    private int cancelled;
    /** The sizes of the files saved (the JSON summary's {@code bytes}). */
    private long bytes;
    /** What this run received over the network, whatever became of it: speed and the summary line count this. */
    private long moved;
    private boolean stdoutBroken;
    /** Transfers cancelled after stdout closed: the ones the closed stdout stopped. */
    private int stoppedByBrokenStdout;
    /** What ends a saved path on stdout: a newline, or NUL with -0. */
    private char pathEnd = '\n';
    private Runnable onStdoutBroken = () -> {};

    /**
     * @param pathsOnStdout false when stdout carries a body ({@code -o -}): then nothing else goes there
     */
    public EventPrinter(OutputStream stdout, PrintStream err, boolean json, boolean pathsOnStdout, boolean quiet, String dirAsGiven) {
        this(stdout, json, pathsOnStdout, dirAsGiven, new PlainReporter(err, quiet, dirAsGiven));
    }

    /** @param human what stderr shows: plain lines or the live display */
    public EventPrinter(OutputStream stdout, boolean json, boolean pathsOnStdout, String dirAsGiven, HumanOutput human) {
        // Buffered: a line and its newline leave in one write (flushed per line, below).
        this.out = new PrintStream(new BufferedOutputStream(stdout, 8192), false, StandardCharsets.UTF_8);
        this.json = json;
        this.pathsOnStdout = pathsOnStdout;
        this.dirAsGiven = dirAsGiven;
        this.jsonWriter = new JsonEventWriter(dirAsGiven == null ? null : java.nio.file.Path.of(dirAsGiven));
        this.human = human;
    }

    /** -0: each saved path ends with NUL instead of a newline (names may hold newlines and spaces). */
    public void endPathsWithNul() {
        pathEnd = '\0';
    }

    /** On the loop: queue and return. */
    @Override
    public void onEvent(TransferEvent event) {
        queue.add(event);
        if (json || event instanceof TransferEvent.Finished || human.showsAtOnce(event)) wake();
    }

    /** No more events will come (the engine is idle or stopped). Any thread. */
    public void end() {
        queue.add(END);
        wake();
    }

    private void wake() {
        Thread t = reader;
        if (t != null) LockSupport.unpark(t);
    }

    /**
     * Prints events until {@link #end()}; between them, every {@link HumanOutput#tickMillis()}, hands the
     * human output the latest snapshot (a summary line every 5 s, or a frame of the live display).
     * Runs on the calling (main) thread.
     */
    public void run(Supplier<EngineSnapshot> snapshots) throws InterruptedException {
        long nextTick = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(human.tickMillis());
        reader = Thread.currentThread();
        try {
            while (true) {
                Object item = queue.poll();
                if (item == END) return;
                if (item instanceof TransferEvent e) {
                    print(e);
                    continue;
                }
                long wait = nextTick - System.nanoTime();
                if (wait > 0) {
                    // A wake-up that came before this park is not lost: it leaves a permit.
                    LockSupport.parkNanos(this, wait);
                    if (Thread.interrupted()) throw new InterruptedException();
                } else {
                    human.tick(snapshots.get());
                    nextTick = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(human.tickMillis());
                }
            }
        } finally {
            human.close();
        }
    }

    private void print(TransferEvent e) {
        if (e instanceof TransferEvent.Finished f) count(f.outcome());
        human.on(e);
        if (json) {
            writeLine(jsonWriter.format(e));
        } else if (pathsOnStdout && e instanceof TransferEvent.Finished f && f.outcome() instanceof Outcome.Completed c) {
            writeLine(ShownPaths.of(dirAsGiven, c.path()), pathEnd);
        }
    }

    private void count(Outcome o) {
        moved += Math.max(0, o.moved());
        if (o instanceof Outcome.Completed c) {
            done++;
            if (c.unchanged()) unchanged++;
            if (!c.skipped() && !c.unchanged()) bytes += Math.max(0, c.bytes());
        } else if (o instanceof Outcome.Failed) {
            failed++;
        } else {
            cancelled++;
            if (stdoutBroken) stoppedByBrokenStdout++;
        }
    }

    /** Writes and flushes one line, so a consumer sees each file as soon as it is complete. */
    private void writeLine(String line) {
        writeLine(line, '\n');
    }

    private void writeLine(String line, char end) {
        human.aroundStdout(() -> {
            out.print(line);
            out.print(end);
            out.flush(); // one write for the line and its newline
        });
        if (out.checkError() && !stdoutBroken) {
            stdoutBroken = true;
            onStdoutBroken.run();
        }
    }

    public void summary(long elapsedMillis, int exitCode) {
        if (json) writeLine(jsonWriter.summary(done, failed, cancelled, bytes, moved, elapsedMillis, exitCode));
        human.summary(done - unchanged, unchanged, failed, cancelled, moved, elapsedMillis);
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

    /** How many transfers were stopped because stdout closed (cancelled after it did). */
    public int stoppedByBrokenStdout() {
        return stoppedByBrokenStdout;
    }
}
