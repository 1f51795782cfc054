package dev.haul.core;

import java.util.List;

/**
 * An immutable picture of the whole engine, published by the loop about every 100 ms.
 *
 * @param transfers      the transfers that are not finished, in submission order
 * @param done           finished successfully (skips included)
 * @param failed         finished with a failure
 * @param cancelled      cancelled
 * @param queued         waiting for a slot
 * @param bytesPerSecond all transfers together
 * @param jobs           the current --jobs value
 */
public record EngineSnapshot(
        List<TransferSnapshot> transfers,
        int done,
        int failed,
        int cancelled,
        int queued,
        long bytesPerSecond,
        int jobs) {
    public static final EngineSnapshot EMPTY = new EngineSnapshot(List.of(), 0, 0, 0, 0, 0, 0);
}
