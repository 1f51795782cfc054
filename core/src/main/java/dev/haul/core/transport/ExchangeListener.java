package dev.haul.core.transport;

import dev.haul.core.FailureReason;

import java.nio.ByteBuffer;

/**
 * What one HTTP exchange reports to its owner, always on the loop and in this order: one
 * {@link #onResponse}, any number of {@link #onBody}, then exactly one of {@link #onComplete}
 * or {@link #onError} (an error may also come before any response). Nothing comes after the
 * owner calls {@link Exchange#abort()}.
 */
public interface ExchangeListener {
    void onResponse(ResponseHead head);

    /**
     * A slice of the body. The buffer is only valid during the call: consume it before returning.
     * Runs on the loop.
     */
    void onBody(ByteBuffer chunk);

    /** The body ended as its framing said it would. */
    void onComplete();

    /** The exchange failed; the connection is already closed. */
    void onError(FailureReason reason, String message);
}
