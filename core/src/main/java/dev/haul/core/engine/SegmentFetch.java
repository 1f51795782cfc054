package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.ResponseHead;

import java.nio.ByteBuffer;

/**
 * One extra connection of a segmented download: fills one range from one source, a piece (one
 * bounded Range request) at a time on a kept-alive connection. Loop-confined.
 */
final class SegmentFetch implements ExchangeListener {
    final SegmentPlan.Segment segment;
    final Sources.Source source;
    /** Uses the transfer's own admission slot (its first connection is gone) rather than an extra one. */
    final boolean ownSlot;
    private final SegmentedBody body;
    Exchange exchange;
    private boolean over;
    /** When the current piece was asked for, and where it starts: its rate when it ends. */
    long pieceAskedNanos;
    long pieceStart;

    SegmentFetch(SegmentPlan.Segment segment, Sources.Source source, boolean ownSlot, SegmentedBody body) {
        this.segment = segment;
        this.source = source;
        this.ownSlot = ownSlot;
        this.body = body;
    }

    /** Stops this fetch for good; nothing more is reported. */
    void stop() {
        over = true;
        if (exchange != null) exchange.abort();
    }

    boolean over() {
        return over;
    }

    @Override
    public void onResponse(ResponseHead head) {
        if (!over) body.fetchResponded(this, head);
    }

    @Override
    public void onBody(ByteBuffer chunk) {
        if (!over) body.fetchBody(this, chunk);
    }

    @Override
    public void onComplete() {
        exchange = null;
        if (!over) body.pieceEnded(this);
    }

    @Override
    public void onError(FailureReason reason, String message) {
        exchange = null;
        if (!over) body.fetchEnded(this, reason, message);
    }
}
