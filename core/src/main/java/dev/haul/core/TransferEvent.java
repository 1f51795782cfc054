package dev.haul.core;

import java.time.Duration;

/** What happened to one transfer. Delivered to the {@link EngineListener} on the loop thread. */
public sealed interface TransferEvent {
    TransferSnapshot transfer();

    /** Accepted and waiting for a slot. */
    record Queued(TransferSnapshot transfer) implements TransferEvent {}

    /**
     * The response is accepted and its body is about to be saved under {@code transfer().path()}.
     * {@code protocol} is what carried it: "http/1.1" or "h2".
     */
    record Started(TransferSnapshot transfer, String protocol) implements TransferEvent {
        public Started(TransferSnapshot transfer) {
            this(transfer, "http/1.1");
        }
    }

    /** Body bytes arrived since the last report; at most once a second per transfer. */
    record Progress(TransferSnapshot transfer) implements TransferEvent {}

    /** An attempt failed and another follows after {@code delay}. */
    record Retry(TransferSnapshot transfer, FailureReason reason, String message, Duration delay)
            implements TransferEvent {}

    /**
     * One source of a file with several was dropped for good (another length, no ranges, failed
     * after its retries); the others go on. {@code source} is the source's URL, user info masked.
     */
    record SourceDropped(TransferSnapshot transfer, String source, String why) implements TransferEvent {}

    /** The transfer ended: see the outcome. */
    record Finished(TransferSnapshot transfer, Outcome outcome) implements TransferEvent {}
}
