package dev.haul.cli.output;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;

import java.io.PrintStream;

/**
 * Human lines on stderr when it is not a live terminal display: one when a transfer starts,
 * ends or fails, and a summary line at most every 5 seconds. No escape codes. With quiet,
 * only failures.
 */
public final class PlainReporter implements HumanOutput {
    private static final long SUMMARY_EVERY_MS = 5000;
    /** How long a list on standard input may give nothing before haul says it is waiting for it. */
    static final long STDIN_WAIT_NOTICE_MS = 1000;

    private final PrintStream err;
    private final boolean quiet;
    private final String dirAsGiven;
    private final NotStarted notStarted = new NotStarted();
    private int retries = -1;
    private String stopReason;
    /** The list comes from standard input and nothing has come yet: say so once it has been quiet a while. */
    private boolean stdinNoticePending;
    private long lastProgress = System.nanoTime();

    public PlainReporter(PrintStream err, boolean quiet, String dirAsGiven) {
        this.err = err;
        this.quiet = quiet;
        this.dirAsGiven = dirAsGiven;
    }

    @Override
    public void on(TransferEvent event) {
        String line = lineFor(event);
        if (line != null) err.println(line);
    }

    /** Quiet runs print only failures, which come with the (always shown) finished events. */
    @Override
    public boolean showsAtOnce(TransferEvent event) {
        return !quiet || event instanceof TransferEvent.Finished;
    }

    /** --retries: the retry line then says which attempt of how many comes next. */
    @Override
    public void retries(int retries) {
        this.retries = retries;
    }

    /** The URL list is read from standard input (see {@link #tick}). */
    @Override
    public void listOnStdin() {
        stdinNoticePending = true;
    }

    /** Why the run stopped early, for the summary line (say, "standard output closed"). */
    @Override
    public void stoppedBecause(String reason) {
        this.stopReason = reason;
    }

    /**
     * The line an event deserves, or null for none. Call it with every event, in order: a transfer
     * cancelled before it began is counted (see {@link NotStarted}) instead of getting a line.
     */
    public String lineFor(TransferEvent event) {
        TransferSnapshot t = event.transfer();
        if (notStarted.countedInsteadOfShown(event)) return null;
        if (event instanceof TransferEvent.Started && !quiet) {
            String size = t.totalBytes() >= 0 ? " (" + Units.bytes(t.totalBytes()) + ")" : "";
            if (t.bytesDone() > 0) size += ", resuming at " + Units.bytes(t.bytesDone());
            String where = t.path() == null ? "stdout" : ShownPaths.of(dirAsGiven, t.path());
            return "haul: started " + Sanitized.line(t.url()) + " -> " + Sanitized.line(where) + size;
        } else if (event instanceof TransferEvent.SourceDropped d && !quiet) {
            return "haul: warning: dropped source " + Sanitized.line(d.source()) + " of " + Sanitized.line(t.url())
                    + ": " + Sanitized.line(d.why());
        } else if (event instanceof TransferEvent.Retry r && !quiet) {
            return "haul: retrying " + Sanitized.line(t.url()) + " in " + Units.seconds(r.delay().toMillis())
                    + " (" + RetryWords.attempt(t.attempt() + 1, retries) + "): " + Sanitized.line(r.message());
        } else if (event instanceof TransferEvent.Finished f) {
            Outcome o = f.outcome();
            if (o instanceof Outcome.Failed failed) {
                return "haul: failed " + Sanitized.line(t.url()) + ": " + Sanitized.line(failed.message());
            } else if (quiet) {
                return null;
            } else if (o instanceof Outcome.Completed c && c.unchanged()) {
                return "haul: unchanged " + Sanitized.line(ShownPaths.of(dirAsGiven, c.path()));
            } else if (o instanceof Outcome.Completed c && c.skipped()) {
                return "haul: skipped " + Sanitized.line(ShownPaths.of(dirAsGiven, c.path())) + " (exists)";
            } else if (o instanceof Outcome.Completed c) {
                String where = c.path().toString().equals("-") ? "stdout" : ShownPaths.of(dirAsGiven, c.path());
                return "haul: done " + Sanitized.line(where) + " (" + Units.bytes(c.bytes()) + ")";
            } else if (o instanceof Outcome.Cancelled) {
                return "haul: cancelled " + Sanitized.line(t.url()) + " (" + Units.bytes(t.bytesDone()) + " kept in .part)";
            }
        }
        return null;
    }

    @Override
    public long tickMillis() {
        return stdinNoticePending ? STDIN_WAIT_NOTICE_MS : SUMMARY_EVERY_MS;
    }

    /**
     * The progress line every 5 s; and once, when the list comes from standard input and nothing
     * came in its first second, a line saying haul waits for it ({@code sleep 4 | haul}).
     */
    @Override
    public void tick(EngineSnapshot snapshot) {
        if (stdinNoticePending) {
            stdinNoticePending = false;
            if (nothingYet(snapshot)) {
                if (!quiet) err.println("haul: " + WAITING_FOR_STDIN);
                lastProgress = System.nanoTime();
                return;
            }
        }
        // Ticks come about every 5 s, a little early or late: only the first-second tick is skipped here.
        if (System.nanoTime() - lastProgress < (SUMMARY_EVERY_MS - 100) * 1_000_000) return;
        lastProgress = System.nanoTime();
        if (nothingYet(snapshot)) return; // still waiting: the line above said so
        progress(snapshot);
    }

    /** What the display and the plain lines say while a piped list has given no URL yet. */
    public static final String WAITING_FOR_STDIN = "waiting for URLs on standard input";

    /** No transfer has been submitted at all yet. */
    public static boolean nothingYet(EngineSnapshot s) {
        return s.transfers().isEmpty() && s.done() == 0 && s.failed() == 0 && s.cancelled() == 0;
    }

    /** The periodic line: how far the whole run is. */
    public void progress(EngineSnapshot s) {
        if (quiet) return;
        int active = s.transfers().size() - s.queued();
        err.println("haul: " + s.done() + " done, " + s.failed() + " failed, " + active + " active, "
                + s.queued() + " queued, " + Units.speed(s.bytesPerSecond()));
    }

    /** The last line of a run. */
    @Override
    public void summary(int done, int failed, int cancelled, long bytes, long elapsedMillis) {
        summary(done, 0, failed, cancelled, bytes, elapsedMillis);
    }

    /** The last line of a run; files -N found unchanged are counted apart ("12 done, 9,988 unchanged"). */
    @Override
    public void summary(int done, int unchanged, int failed, int cancelled, long bytes, long elapsedMillis) {
        if (quiet) return; // -q: errors only, and each failure already had its line
        long speed = elapsedMillis > 0 ? bytes * 1000 / elapsedMillis : 0;
        int neverStarted = notStarted.count();
        int shownCancelled = cancelled - neverStarted;
        err.println("haul: " + (stopReason != null ? "stopped (" + stopReason + "): " : "")
                + done + " done, " + (unchanged > 0 ? String.format(java.util.Locale.US, "%,d unchanged, ", unchanged) : "")
                + failed + " failed" + (shownCancelled > 0 ? ", " + shownCancelled + " cancelled" : "")
                + (neverStarted > 0 ? ", " + NotStarted.grouped(neverStarted) + " not started" : "")
                + "; " + Units.bytes(bytes) + " in " + Units.seconds(elapsedMillis) + " (" + Units.speed(speed) + ")");
    }
}
