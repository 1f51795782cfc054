package dev.haul.core;

/** Where a transfer is in its life. The engine's internal states map onto these. */
public enum TransferState {
    QUEUED,
    CONNECTING,
    DOWNLOADING,
    PAUSED,
    RETRY_WAIT,
    DONE,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    public boolean isActive() {
        return this == CONNECTING || this == DOWNLOADING || this == PAUSED || this == RETRY_WAIT;
    }
}
