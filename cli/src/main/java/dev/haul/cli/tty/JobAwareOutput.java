package dev.haul.cli.tty;

import dev.haul.cli.output.HumanOutput;
import dev.haul.cli.output.PlainReporter;
import dev.haul.cli.progress.LiveDisplay;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferEvent;

/**
 * What stderr shows on a terminal: the live display while haul is the foreground job, plain
 * lines (a summary line every 5 s) while it is in the background. Which one is asked at every
 * frame, under the job control's monitor, so Ctrl-Z never finds a frame half drawn.
 */
public final class JobAwareOutput implements HumanOutput {
    private static final long PLAIN_PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final JobControl jobs;
    private final LiveDisplay live;
    private final PlainReporter plain;
    private long plainProgressAt = System.nanoTime();

    public JobAwareOutput(JobControl jobs, LiveDisplay live, PlainReporter plain) {
        this.jobs = jobs;
        this.live = live;
        this.plain = plain;
        jobs.onHide(live::hide);
    }

    @Override
    public void on(TransferEvent event) {
        synchronized (jobs) {
            if (jobs.owned()) live.on(event);
            else plain.on(event);
        }
    }

    /** Asked on the engine's thread: reads a flag, never waits for the monitor. */
    @Override
    public boolean showsAtOnce(TransferEvent event) {
        return !jobs.ownedNow() && plain.showsAtOnce(event);
    }

    @Override
    public long tickMillis() {
        return live.tickMillis();
    }

    @Override
    public void tick(EngineSnapshot snapshot) {
        synchronized (jobs) {
            if (jobs.owned()) {
                live.tick(snapshot);
                return;
            }
        }
        long now = System.nanoTime();
        if (now - plainProgressAt >= PLAIN_PROGRESS_EVERY_NANOS) {
            plainProgressAt = now;
            plain.progress(snapshot);
        }
    }

    @Override
    public void aroundStdout(Runnable write) {
        synchronized (jobs) {
            if (jobs.owned()) live.aroundStdout(write);
            else write.run();
        }
    }

    @Override
    public void close() {
        synchronized (jobs) {
            live.close();
        }
    }

    @Override
    public void summary(int done, int failed, int cancelled, long bytes, long elapsedMillis) {
        plain.summary(done, failed, cancelled, bytes, elapsedMillis);
    }
}
