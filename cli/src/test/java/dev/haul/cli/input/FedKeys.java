package dev.haul.cli.input;

import java.util.ArrayDeque;
import java.util.Deque;

/** Typed keys for tests: the characters of a string, then the end of input. */
class FedKeys implements KeySource {
    private final Deque<Integer> keys = new ArrayDeque<>();

    FedKeys(String typed) {
        typed.chars().forEach(keys::add);
    }

    @Override
    public int read(long timeoutMillis) {
        Integer c = keys.poll();
        return c == null ? EOF : c;
    }
}
