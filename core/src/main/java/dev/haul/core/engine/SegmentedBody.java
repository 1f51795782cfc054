package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.Header;
import dev.haul.core.resume.ContentRange;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.ResponseHead;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of a segmented download ({@code -x N}): the transfer's own connection fills the first
 * range while extra connections fetch the others with Range requests, all writing at their
 * offsets into the one {@code .part}. Extra connections count against {@code --per-host}. The
 * ranges saved so far go into the sidecar, so a later run continues every segment. Loop-confined.
 */
final class SegmentedBody {
    /** What the segmented body needs from its transfer. */
    interface Owner {
        TransferHost host();

        Origin origin();

        URI url();

        List<Header> requestHeaders();

        TargetFile target();

        /** Bytes were saved (progress and rate limiting). */
        void saved(int n);

        /** Every range is saved. */
        void allSaved();

        /** The server cannot serve ranges consistently, or too many failures: the attempt fails. */
        void segmentsFailed(FailureReason reason, String message, boolean distrustRanges);

        /** Whether the transfer is reading now (not paused or held). */
        boolean reading();
    }

    private final Owner owner;
    private final SegmentPlan plan;
    private final ResumeRecord record;
    private final int connections;
    private final List<SegmentFetch> fetches = new ArrayList<>();
    /** The range the transfer's own connection fills, or null once it is done with it. */
    private SegmentPlan.Segment mainSegment;
    private int extraSlots;
    private int failures;
    private boolean stopped;
    private long lastSaveNanos = System.nanoTime();
    /** How often the saved ranges reach the sidecar while bytes flow: a kill -9 loses at most this much. */
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;

    SegmentedBody(Owner owner, SegmentPlan plan, ResumeRecord record, int connections) {
        this.owner = owner;
        this.plan = plan;
        this.record = record;
        this.connections = connections;
        this.mainSegment = plan.first();
        if (mainSegment != null) mainSegment.active = true;
    }

    long saved() {
        return plan.saved();
    }

    /** Starts extra connections while there is work and room (--connections, --per-host). */
    void spread() {
        while (!stopped && inUse() < connections) {
            if (inUse() >= 1 && !owner.host().tryExtraSlot(owner.origin())) return;
            SegmentPlan.Segment s = plan.next();
            if (s == null) {
                if (inUse() >= 1) owner.host().releaseExtraSlot(owner.origin());
                return;
            }
            if (inUse() >= 1) extraSlots++;
            start(new SegmentFetch(s, this));
        }
    }

    private int inUse() {
        return fetches.size() + (mainSegment != null && mainSegment.active ? 1 : 0);
    }

    private void start(SegmentFetch f) {
        fetches.add(f);
        List<Header> headers = new ArrayList<>(owner.requestHeaders());
        headers.add(new Header("Range", "bytes=" + f.segment.pos + "-" + (f.segment.end - 1)));
        headers.add(new Header("If-Range", record.validator()));
        try {
            f.exchange = owner.host().transport().exchange(new RequestSpec(owner.url(), headers), f);
            if (!owner.reading()) f.exchange.pauseReading();
        } catch (RuntimeException e) {
            fetchEnded(f, FailureReason.INTERNAL, e.getMessage());
        }
    }

    // ---- the transfer's own connection --------------------------------------------------------

    /** A chunk on the transfer's own connection. Returns false once its range is full (stop reading it). */
    boolean mainBody(ByteBuffer chunk) {
        if (mainSegment == null) return false;
        if (!write(mainSegment, chunk)) return false;
        if (mainSegment.finished()) {
            mainSegment.active = false;
            mainSegment = null;
            progress();
            return false;
        }
        return true;
    }

    /** The transfer's own connection ended (cleanly or not) before its range was full. */
    void mainLost(FailureReason reason, String message) {
        if (mainSegment == null) return;
        mainSegment.active = false;
        mainSegment = null;
        retryLater(reason, message);
    }

    // ---- extra connections --------------------------------------------------------------------

    void fetchResponded(SegmentFetch f, ResponseHead head) {
        ContentRange cr = ContentRange.parse(head.header("Content-Range"));
        String etag = head.header("ETag");
        boolean ok = head.status() == 206 && cr != null && !cr.unsatisfied() && cr.start() == f.segment.pos
                && (cr.total() < 0 || cr.total() == plan.total())
                && (record.etag() == null || etag == null || record.etag().equals(etag));
        if (!ok) {
            stop();
            owner.segmentsFailed(FailureReason.PROTOCOL_RETRYABLE,
                    "the server does not serve ranges consistently (HTTP " + head.status() + ")", true);
        }
    }

    void fetchBody(SegmentFetch f, ByteBuffer chunk) {
        if (!write(f.segment, chunk)) return;
        if (f.segment.finished()) {
            f.stop(); // a stolen-from range ends early: the server would send on
            release(f);
            progress();
        }
    }

    void fetchEnded(SegmentFetch f, FailureReason reason, String message) {
        if (f.over()) return;
        f.stop();
        f.segment.active = false;
        release(f);
        if (f.segment.finished()) {
            progress();
        } else {
            retryLater(reason, message);
        }
    }

    private void release(SegmentFetch f) {
        fetches.remove(f);
        if (extraSlots > Math.max(0, inUse() - 1)) {
            extraSlots--;
            owner.host().releaseExtraSlot(owner.origin());
        }
    }

    // ---- shared -------------------------------------------------------------------------------

    private boolean write(SegmentPlan.Segment s, ByteBuffer chunk) {
        long room = s.end - s.pos;
        if (room <= 0) return false;
        if (chunk.remaining() > room) chunk.limit(chunk.position() + (int) room);
        int n = chunk.remaining();
        try {
            owner.target().write(chunk, s.pos);
        } catch (IOException e) {
            stop();
            owner.segmentsFailed(FailureReason.STORAGE, "cannot write " + owner.target().partPath().getFileName()
                    + ": " + Transfer.Io.message(e), false);
            return false;
        }
        s.pos += n;
        owner.saved(n);
        long now = System.nanoTime();
        if (now - lastSaveNanos >= SAVE_EVERY_NANOS) {
            lastSaveNanos = now;
            saveRanges();
        }
        return true;
    }

    private void progress() {
        saveRanges();
        if (plan.complete() && inUse() == 0) {
            stopped = true;
            owner.allSaved();
            return;
        }
        spread();
    }

    private void retryLater(FailureReason reason, String message) {
        failures++;
        Optional<Duration> delay = owner.host().retryPolicy().next(reason, failures, null);
        saveRanges();
        if (delay.isEmpty()) {
            stop();
            owner.segmentsFailed(reason, message, false);
            return;
        }
        owner.host().schedule(this::spread, delay.get().toMillis());
    }

    /** Holds or releases reading on every extra connection (pause, rate limit). */
    void setReading(boolean on) {
        for (SegmentFetch f : fetches) {
            if (f.exchange == null) continue;
            if (on) f.exchange.resumeReading();
            else f.exchange.pauseReading();
        }
    }

    /** Ends every extra connection, records what is saved, gives the extra slots back. */
    void stop() {
        if (stopped) return;
        stopped = true;
        for (SegmentFetch f : new ArrayList<>(fetches)) {
            f.stop();
            f.segment.active = false;
        }
        fetches.clear();
        if (mainSegment != null) mainSegment.active = false;
        while (extraSlots > 0) {
            extraSlots--;
            owner.host().releaseExtraSlot(owner.origin());
        }
        saveRanges();
    }

    void saveRanges() {
        owner.target().checkpoint(record.withRanges(plan.done()), stopped, owner.host()::post);
    }
}
