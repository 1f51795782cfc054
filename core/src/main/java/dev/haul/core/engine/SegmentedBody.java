package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.Header;
import dev.haul.core.resume.ContentRange;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.RequestSpec;
import dev.haul.core.transport.ResponseHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of a segmented download ({@code -x N}, {@code -x auto}, several sources): the
 * transfer's own connection fills the first range while extra connections fetch the others with
 * bounded Range requests, from any live source, all writing at their offsets into the one
 * {@code .part}. Extra connections count against {@code --per-host} of their origin. The ranges
 * saved so far go into the sidecar, so a later run continues every segment. Loop-confined.
 */
final class SegmentedBody {
    private static final Logger log = LoggerFactory.getLogger(SegmentedBody.class);

    /** What the segmented body needs from its transfer. */
    interface Owner {
        TransferHost host();

        /** The origin of the transfer's own connection: its admission slot belongs there. */
        Origin origin();

        /** The URL the transfer's own connection reached (after redirects): where its source's ranges are asked. */
        URI url();

        /** The headers for a request to {@code source} at {@code url}: credentials only for their own origin. */
        List<Header> requestHeaders(Sources.Source source, URI url);

        TargetFile target();

        /** Bytes were saved (progress and rate limiting). */
        void saved(int n);

        /** Every range is saved. */
        void allSaved();

        /** No source can serve the ranges, or too many failures: the attempt fails. */
        void segmentsFailed(FailureReason reason, String message, boolean distrustRanges);

        /** A source was dropped for good: one warning line. */
        void sourceDropped(Sources.Source source, String why);

        /** Whether the transfer is reading now (not paused or held). */
        boolean reading();
    }

    /** How often the saved ranges reach the sidecar while bytes flow: a kill -9 loses at most this much. */
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;
    private static final long AUTO_TICK_MS = 250;

    private final Owner owner;
    private final SegmentPlan plan;
    private final ResumeRecord record;
    private final Sources sources;
    /** The source the transfer's own connection asked: it answered the first response. */
    private final Sources.Source mainSource;
    private final int connections;
    /** With -x auto: decides how many connections; null for a fixed -x N. */
    private final AutoConnections auto;
    private final List<SegmentFetch> fetches = new ArrayList<>();
    /** The range the transfer's own connection fills, or null once it is done with it. */
    private SegmentPlan.Segment mainSegment;
    private final long mainStartNanos = System.nanoTime();
    private boolean stopped;
    private long received;
    private long lastSaveNanos = System.nanoTime();

    /**
     * @param connections connections in all (-x N), or 0 for -x auto
     */
    SegmentedBody(Owner owner, SegmentPlan plan, ResumeRecord record, Sources sources, Sources.Source mainSource,
            int connections) {
        this.owner = owner;
        this.plan = plan;
        this.record = record;
        this.sources = sources;
        this.mainSource = mainSource;
        this.connections = connections;
        this.mainSegment = plan.first();
        if (mainSegment != null) {
            mainSegment.active = true;
            mainSegment.openEnded = true;
            mainSource.active++;
        }
        if (connections <= 0) {
            int cap = owner.host().config().perHost() > 0 ? owner.host().config().perHost() : AutoConnections.MAX;
            auto = new AutoConnections(sources.live(), Math.max(cap, sources.live()), System.nanoTime());
            owner.host().schedule(this::autoTick, AUTO_TICK_MS);
        } else {
            auto = null;
        }
    }

    long saved() {
        return plan.saved();
    }

    /** Connections fetching now (the transfer's own included). */
    int connectionsInUse() {
        return inUse();
    }

    int liveSources() {
        return sources.live();
    }

    private int wanted() {
        if (auto != null) return auto.wanted();
        return Math.max(connections, sources.live());
    }

    /** Starts connections while there is work and room (--connections, --per-host, live sources). */
    void spread() {
        long now = System.nanoTime();
        while (!stopped && inUse() < wanted()) {
            Sources.Source src = sources.leastBusy(now);
            if (src == null) return;
            boolean own = !ownSlotTaken() && originOf(src).equals(owner.origin());
            if (!own && !owner.host().tryExtraSlot(originOf(src))) return;
            SegmentPlan.Segment s = plan.next(src.rate);
            if (s == null) {
                if (!own) owner.host().releaseExtraSlot(originOf(src));
                return;
            }
            SegmentFetch f = new SegmentFetch(s, src, own, this);
            fetches.add(f);
            src.active++;
            askNextPiece(f);
        }
    }

    /** Where requests to {@code src} go: the main source's after its redirects. */
    private Origin originOf(Sources.Source src) {
        return src == mainSource ? owner.origin() : src.origin;
    }

    private boolean ownSlotTaken() {
        if (mainSegment != null && mainSegment.active) return true;
        for (SegmentFetch f : fetches) if (f.ownSlot) return true;
        return false;
    }

    private int inUse() {
        return fetches.size() + (mainSegment != null && mainSegment.active ? 1 : 0);
    }

    /** One bounded request: the piece is all this connection will be sent, so a take-over never overlaps it. */
    private void askNextPiece(SegmentFetch f) {
        SegmentPlan.Segment s = f.segment;
        s.requested = s.pos + SegmentPlan.pieceFor(s, f.source.rate);
        f.pieceStart = s.pos;
        f.pieceAskedNanos = System.nanoTime();
        URI url = f.source == mainSource ? owner.url() : f.source.url;
        List<Header> headers = new ArrayList<>(owner.requestHeaders(f.source, url));
        headers.add(new Header("Range", "bytes=" + s.pos + "-" + (s.requested - 1)));
        // Another server's validators are its own: a mirror is checked by its length instead.
        if (f.source == mainSource) headers.add(new Header("If-Range", record.validator()));
        try {
            f.exchange = owner.host().exchange(new RequestSpec(url, headers), f);
            if (!owner.reading()) f.exchange.pauseReading();
        } catch (RuntimeException e) {
            fetchEnded(f, FailureReason.INTERNAL, e.getMessage());
        }
    }

    // ---- the transfer's own connection --------------------------------------------------------

    /** A chunk on the transfer's own connection. Returns false once its range is full (stop reading it). */
    boolean mainBody(ByteBuffer chunk) {
        if (mainSegment == null) return false;
        if (!write(mainSegment, mainSegment.end, chunk)) return false;
        long dt = System.nanoTime() - mainStartNanos;
        if (dt > 0) mainSegment.rate = (long) ((mainSegment.pos - mainSegment.start) * 1e9 / dt);
        if (mainSegment.finished()) {
            mainEnded();
            progress();
            return false;
        }
        return true;
    }

    /** The transfer's own connection ended (cleanly or not) before its range was full. */
    void mainLost(FailureReason reason, String message) {
        if (mainSegment == null) return;
        mainEnded();
        failed(mainSource, reason, message);
    }

    private void mainEnded() {
        mainSegment.active = false;
        mainSegment.openEnded = false;
        mainSegment.requested = mainSegment.pos;
        mainSegment = null;
        mainSource.active--;
    }

    // ---- extra connections --------------------------------------------------------------------

    void fetchResponded(SegmentFetch f, ResponseHead head) {
        ContentRange cr = ContentRange.parse(head.header("Content-Range"));
        String etag = head.header("ETag");
        String why = null;
        if (head.status() != 206 || cr == null || cr.unsatisfied()) {
            why = head.status() == 200 ? "does not serve ranges" : "answered a range request with HTTP " + head.status();
        } else if (cr.total() >= 0 && cr.total() != plan.total() || cr.total() < 0 && f.source != mainSource) {
            why = "reports a length of " + cr.total() + " bytes, not " + plan.total();
        } else if (cr.start() != f.segment.pos || cr.end() != f.segment.requested - 1) {
            why = "answered another range than asked (" + head.header("Content-Range") + ")";
        } else if (f.source == mainSource && record.etag() != null && etag != null && !record.etag().equals(etag)) {
            why = "changed the file (another ETag)";
        }
        if (why != null) badSource(f, why);
    }

    void fetchBody(SegmentFetch f, ByteBuffer chunk) {
        write(f.segment, f.segment.requested, chunk);
    }

    /** A piece arrived whole: ask the next one on the same (kept-alive) connection, or give the connection up. */
    void pieceEnded(SegmentFetch f) {
        SegmentPlan.Segment s = f.segment;
        if (s.pos < s.requested) {
            fetchEnded(f, FailureReason.TRUNCATED, "range ended early");
            return;
        }
        long dt = System.nanoTime() - f.pieceAskedNanos;
        if (dt > 0) {
            s.rate = (long) ((s.pos - f.pieceStart) * 1e9 / dt);
            f.source.rate = s.rate;
        }
        f.source.failures = 0;
        // -x auto took a step back: this connection retires, its rest waits for the next free one.
        boolean surplus = inUse() > wanted();
        if (!s.finished() && !stopped && !surplus) {
            askNextPiece(f);
            return;
        }
        s.active = false;
        s.requested = s.pos;
        release(f);
        progress();
    }

    void fetchEnded(SegmentFetch f, FailureReason reason, String message) {
        if (f.over()) return;
        f.stop();
        f.segment.active = false;
        f.segment.requested = f.segment.pos;
        release(f);
        if (f.segment.finished()) {
            progress();
        } else {
            failed(f.source, reason, message);
        }
    }

    private void release(SegmentFetch f) {
        if (!fetches.remove(f)) return;
        f.source.active--;
        if (!f.ownSlot) owner.host().releaseExtraSlot(originOf(f.source));
    }

    // ---- sources ------------------------------------------------------------------------------

    /** A source answered what this file cannot use: with other sources left, drop it; the last one fails the attempt. */
    private void badSource(SegmentFetch f, String why) {
        f.stop();
        f.segment.active = false;
        f.segment.requested = f.segment.pos;
        release(f);
        if (sources.live() == 1) { // the last source left: the attempt fails, and the transfer's retries decide
            stop();
            owner.segmentsFailed(FailureReason.PROTOCOL_RETRYABLE,
                    "the server does not serve ranges consistently (" + why + ")", true);
            return;
        }
        dropSource(f.source, why, FailureReason.PROTOCOL);
    }

    /** A connection to {@code source} failed: retry it after a back-off, or drop it once its retries are spent. */
    private void failed(Sources.Source source, FailureReason reason, String message) {
        source.failures++;
        Optional<Duration> delay = owner.host().retryPolicy().next(reason, source.failures, null);
        saveRanges();
        if (delay.isEmpty()) {
            if (sources.live() == 1) {
                stop();
                owner.segmentsFailed(reason, message, false);
                return;
            }
            dropSource(source, "failed: " + message, reason);
            return;
        }
        source.notBefore = System.nanoTime() + delay.get().toNanos();
        owner.host().schedule(this::spread, delay.get().toMillis());
        spread(); // another source may take the range now
    }

    private void dropSource(Sources.Source source, String why, FailureReason reason) {
        if (sources.drop(source)) owner.sourceDropped(source, why);
        for (SegmentFetch other : new ArrayList<>(fetches)) {
            if (other.source == source) {
                other.stop();
                other.segment.active = false;
                other.segment.requested = other.segment.pos;
                release(other);
            }
        }
        if (sources.live() == 0) {
            stop();
            owner.segmentsFailed(reason, "no source left (the last " + why + ")", false);
            return;
        }
        spread();
    }

    // ---- -x auto ------------------------------------------------------------------------------

    private void autoTick() {
        if (stopped || auto.stopped()) return;
        if (owner.reading()) {
            int before = auto.wanted();
            int now = auto.update(System.nanoTime(), received);
            if (now != before) {
                log.debug("-x auto: {} connections for {} ({} B/s with {})", now, owner.target().name(),
                        auto.lastRate(), before);
                spread();
            } else if (auto.stopped()) {
                log.debug("-x auto: stays at {} connections for {} ({} B/s)", now, owner.target().name(), auto.lastRate());
            }
        }
        owner.host().schedule(this::autoTick, AUTO_TICK_MS);
    }

    // ---- shared -------------------------------------------------------------------------------

    /** Writes what fits below {@code limit}; false when nothing could be written. */
    private boolean write(SegmentPlan.Segment s, long limit, ByteBuffer chunk) {
        long room = Math.min(limit, s.end) - s.pos;
        if (room <= 0) return false;
        if (chunk.remaining() > room) chunk.limit(chunk.position() + (int) room);
        int n = chunk.remaining();
        try {
            owner.target().write(chunk, s.pos);
        } catch (IOException e) {
            stop();
            owner.segmentsFailed(FailureReason.STORAGE, "cannot write " + owner.target().partInDir()
                    + ": " + Transfer.Io.message(e), false);
            return false;
        }
        s.pos += n;
        received += n;
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
            f.segment.requested = f.segment.pos;
            release(f);
        }
        if (mainSegment != null) mainEnded();
        saveRanges();
    }

    void saveRanges() {
        owner.target().checkpoint(record.withRanges(plan.done()).withSources(sources.size() > 1 ? sources.recorded() : null),
                stopped, owner.host()::post);
    }
}
