package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.transport.Exchange;
import dev.haul.core.transport.ExchangeListener;
import dev.haul.core.transport.ResponseHead;

import java.nio.ByteBuffer;

/** One extra connection of a segmented download, fetching one range. Loop-confined. */
final class SegmentFetch implements ExchangeListener {
    final SegmentPlan.Segment segment;
    private final SegmentedBody body;
    Exchange exchange;
    private boolean over;

    SegmentFetch(SegmentPlan.Segment segment, SegmentedBody body) {
        this.segment = segment;
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
        if (!over) body.fetchEnded(this, FailureReason.TRUNCATED, "range ended early");
    }

    @Override
    public void onError(FailureReason reason, String message) {
        if (!over) body.fetchEnded(this, reason, message);
    }
}
