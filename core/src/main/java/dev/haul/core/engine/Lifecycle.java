package dev.haul.core.engine;

import dev.haul.core.TransferState;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves a {@link Transfer} may make, written once (curl's {@code multistate} table in
 * {@code lib/multi.c} is the model). {@link Transfer#moveTo} refuses anything not listed here:
 * an illegal move is a bug in the engine, not a condition of the network.
 */
final class Lifecycle {
    /** A transfer's internal states; each names the public {@link TransferState} it shows as. */
    enum State {
        /** Waiting for admission. */
        QUEUED(TransferState.QUEUED),
        /** A request is out (connecting, or waiting for the response head). */
        CONNECTING(TransferState.CONNECTING),
        /** Draining a redirect response's body before following it. */
        REDIRECTING(TransferState.CONNECTING),
        /** Saving the body. */
        RECEIVING(TransferState.DOWNLOADING),
        /** Stopped by the user with the connection kept: the socket is not read. */
        PAUSED(TransferState.PAUSED),
        /** Stopped by the user with nothing open: unpausing sends a new request for the rest. */
        PAUSED_IDLE(TransferState.PAUSED),
        /** An attempt failed; the next one starts when the back-off timer fires. */
        RETRY_WAIT(TransferState.RETRY_WAIT),
        /** The body is complete; a checksum or a stream flush is still being waited for. */
        FINISHING(TransferState.DOWNLOADING),
        DONE(TransferState.DONE),
        FAILED(TransferState.FAILED),
        CANCELLED(TransferState.CANCELLED);

        /** What the world outside the engine sees. */
        final TransferState shown;

        State(TransferState shown) {
            this.shown = shown;
        }

        boolean isFinal() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    private static final Map<State, Set<State>> MOVES = new EnumMap<>(State.class);

    static {
        // QUEUED -> DONE: the rerun rule found the file saved by an earlier run, nothing is asked.
        allow(State.QUEUED, State.CONNECTING, State.DONE, State.FAILED, State.CANCELLED);
        // CONNECTING -> CONNECTING: the same attempt asks again (the server named a .part an earlier run left).
        // CONNECTING -> DONE: --on-exists skip; CONNECTING -> FINISHING: the saved bytes were already the whole file.
        allow(State.CONNECTING, State.CONNECTING, State.QUEUED, State.REDIRECTING, State.RECEIVING, State.RETRY_WAIT,
                State.FINISHING, State.DONE, State.FAILED, State.CANCELLED);
        allow(State.REDIRECTING, State.CONNECTING, State.QUEUED, State.RETRY_WAIT, State.FAILED, State.CANCELLED);
        allow(State.RECEIVING, State.PAUSED, State.RETRY_WAIT, State.FINISHING, State.FAILED, State.CANCELLED);
        allow(State.PAUSED, State.RECEIVING, State.PAUSED_IDLE, State.FINISHING, State.FAILED, State.CANCELLED);
        allow(State.PAUSED_IDLE, State.CONNECTING, State.QUEUED, State.FAILED, State.CANCELLED);
        allow(State.RETRY_WAIT, State.CONNECTING, State.QUEUED, State.PAUSED_IDLE, State.FAILED, State.CANCELLED);
        allow(State.FINISHING, State.DONE, State.FAILED, State.CANCELLED);
        allow(State.DONE);
        allow(State.FAILED);
        allow(State.CANCELLED);
    }

    private Lifecycle() {}

    /** A move the table does not list: a bug in the engine. */
    static final class IllegalMove extends IllegalStateException {
        IllegalMove(String message) {
            super(message);
        }
    }

    private static void allow(State from, State... to) {
        MOVES.put(from, to.length == 0 ? EnumSet.noneOf(State.class) : EnumSet.of(to[0], to));
    }

    static boolean allows(State from, State to) {
        return MOVES.get(from).contains(to);
    }

    /** Where {@code from} may go: for tests that walk the table. */
    static Set<State> movesFrom(State from) {
        Set<State> to = EnumSet.noneOf(State.class);
        to.addAll(MOVES.get(from));
        return to;
    }
}
