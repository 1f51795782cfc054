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

    private final PrintStream err;
    private final boolean quiet;
    private final String dirAsGiven;

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

    /** The line an event deserves, or null for none. */
    public String lineFor(TransferEvent event) {
        TransferSnapshot t = event.transfer();
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
                    + ": " + Sanitized.line(r.message());
        } else if (event instanceof TransferEvent.Finished f) {
            Outcome o = f.outcome();
            if (o instanceof Outcome.Failed failed) {
                return "haul: failed " + Sanitized.line(t.url()) + ": " + Sanitized.line(failed.message());
            } else if (quiet) {
                return null;
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
        return SUMMARY_EVERY_MS;
    }

    @Override
    public void tick(EngineSnapshot snapshot) {
        progress(snapshot);
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
        if (quiet) return; // -q: errors only, and each failure already had its line
        long speed = elapsedMillis > 0 ? bytes * 1000 / elapsedMillis : 0;
        err.println("haul: " + done + " done, " + failed + " failed" + (cancelled > 0 ? ", " + cancelled + " cancelled" : "")
                + "; " + Units.bytes(bytes) + " in " + Units.seconds(elapsedMillis) + " (" + Units.speed(speed) + ")");
    }
}
