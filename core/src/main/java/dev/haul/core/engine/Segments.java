package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.Header;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.transport.Origin;
import dev.haul.core.transport.ResponseHead;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A transfer's side of {@code -x N}: whether its body is spread over several connections, and
 * the {@link SegmentedBody.Owner} those connections report to. Loop-confined.
 */
final class Segments implements SegmentedBody.Owner {
    private final Transfer t;
    /** With -x N: the body spread over several connections; null for one connection. */
    private SegmentedBody segmented;
    private boolean stopped;
    /** A server that answered ranges inconsistently gets one connection from then on. */
    private boolean disabled;

    Segments(Transfer transfer) {
        this.t = transfer;
    }

    /** This attempt's body is segmented. */
    boolean active() {
        return segmented != null;
    }

    /** Segments still fetch. */
    boolean running() {
        return segmented != null && !stopped;
    }

    /** A new attempt decides afresh. */
    void reset() {
        segmented = null;
    }

    /**
     * Spreads the body over extra connections when -x asks for it and the server can prove it
     * serves ranges of this exact file: a known size, Accept-Ranges and a validator.
     */
    void maybeStart(ResponseHead head, long offset) {
        int connections = t.host.config().connections(); // 0: -x auto
        Output out = t.out;
        ResumeRecord record = out.target == null ? null : out.target.record();
        Sources sources = t.sources;
        ResumeRecord saved = t.saved.record();
        if (saved != null && saved.sources() != null) sources.addRecorded(saved.sources()); // mirrors an earlier run used
        if (connections == 1 && sources.live() < 2 || disabled || record == null || !record.hasValidator() || out.total <= 0) return;
        List<long[]> missing;
        if (t.saved.ranges() != null) {
            missing = SegmentPlan.complement(out.total, t.saved.ranges());
        } else {
            boolean ranges = head.header("Accept-Ranges") != null && head.header("Accept-Ranges").toLowerCase().contains("bytes");
            if (offset != 0 || !ranges || out.total < 2 * SegmentPlan.MIN_SEGMENT) return;
            missing = List.of(new long[] {0, out.total});
        }
        if (missing.isEmpty() || missing.get(0)[0] != offset) return;
        stopped = false;
        int planned = connections == 0 ? 1 : Math.max(connections, sources.live());
        segmented = new SegmentedBody(this, new SegmentPlan(out.total, missing, planned), record, sources,
                sources.primary(), connections);
        out.bytes = segmented.saved();
        if (out.digest != null) out.digest.giveUp();
        segmented.saveRanges();
        segmented.spread();
    }

    /** Connections fetching the body now: 1 unless it is segmented. */
    int connectionsInUse() {
        return segmented == null ? 1 : Math.max(1, segmented.connectionsInUse());
    }

    boolean mainBody(ByteBuffer chunk) {
        return segmented.mainBody(chunk);
    }

    void mainLost(FailureReason reason, String message) {
        segmented.mainLost(reason, message);
    }

    void setReading(boolean on) {
        if (segmented != null) segmented.setReading(on);
    }

    /** Ends every extra connection and records what is saved. Idempotent. */
    void stop() {
        if (segmented != null && !stopped) {
            stopped = true;
            segmented.stop();
        }
    }

    // ---- SegmentedBody.Owner: called from the segments' own exchanges and timers -------------

    @Override
    public TransferHost host() {
        return t.guardedHost;
    }

    @Override
    public Origin origin() {
        return t.origin;
    }

    @Override
    public URI url() {
        return t.url;
    }

    @Override
    public List<Header> requestHeaders(Sources.Source source, URI to) {
        return t.headersFor(source, Origin.of(to));
    }

    @Override
    public void sourceDropped(Sources.Source source, String why) {
        t.guard(() -> t.host.emit(new dev.haul.core.TransferEvent.SourceDropped(t.snapshot(), source.masked, why)));
    }

    @Override
    public TargetFile target() {
        return t.out.target;
    }

    @Override
    public void saved(int n) {
        t.guard(() -> t.countSaved(n));
    }

    @Override
    public void allSaved() {
        stopped = true;
        t.guard(() -> {
            if (t.state() == Lifecycle.State.RECEIVING || t.state() == Lifecycle.State.PAUSED) t.complete();
        });
    }

    @Override
    public void segmentsFailed(FailureReason reason, String message, boolean distrustRanges) {
        stopped = true;
        if (distrustRanges) disabled = true;
        t.guard(() -> t.attemptFailed(reason, message, 0, null));
    }

    @Override
    public boolean reading() {
        return t.holds.reading();
    }
}
