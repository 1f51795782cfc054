package dev.haul.core.engine;

import java.util.function.Consumer;

/**
 * Why a transfer's connections are not being read: the user paused it, standard output is
 * behind, or --limit-rate ran dry. Any one reason holds reading; it goes on when none is left.
 * Loop-confined.
 */
final class ReadHolds {
    enum Reason { USER, SINK, RATE }

    private final java.util.EnumSet<Reason> held = java.util.EnumSet.noneOf(Reason.class);
    /** Told {@code false} when reading stops and {@code true} when it may go on. */
    private final Consumer<Boolean> reading;

    ReadHolds(Consumer<Boolean> reading) {
        this.reading = reading;
    }

    void hold(Reason reason) {
        boolean wasReading = held.isEmpty();
        held.add(reason);
        if (wasReading) reading.accept(false);
    }

    void release(Reason reason) {
        if (!held.remove(reason)) return;
        if (held.isEmpty()) reading.accept(true);
    }

    boolean holds(Reason reason) {
        return held.contains(reason);
    }

    boolean reading() {
        return held.isEmpty();
    }

    /** A new request starts unheld: the holds of the last one ended with its connection. */
    void clear() {
        held.clear();
    }
}
