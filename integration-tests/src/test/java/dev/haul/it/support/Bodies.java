package dev.haul.it.support;

import java.util.SplittableRandom;

/** Deterministic pseudo-random bodies: the same seed and size always give the same bytes. */
public final class Bodies {
    private Bodies() {}

    public static byte[] of(long seed, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }
}
