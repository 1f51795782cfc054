package dev.haul.core.transport;

import dev.haul.core.FailureReason;

import java.util.ArrayList;
import java.util.List;

/**
 * A connection being opened, and the exchanges waiting for it. Over TLS the protocol is known only
 * once ALPN is done: exchanges to the same route that arrive meanwhile wait here (up to the
 * streams one h2 connection takes) instead of each opening a connection of its own. When it turns
 * out to be h2 they all become streams; when HTTP/1.1, the first takes it and the others go on
 * their way (see {@link Transport#dispatch}). Loop-confined.
 */
final class Dial {
    final Route route;
    /** Whether later exchanges may wait for this connection: it may turn out to be h2. */
    final boolean multiplexable;
    private final Transport transport;
    private final List<Exchange> waiters = new ArrayList<>(4);
    private boolean done;

    Dial(Transport transport, Route route, Exchange first, boolean multiplexable) {
        this.transport = transport;
        this.route = route;
        this.multiplexable = multiplexable;
        waiters.add(first);
    }

    /** Takes another exchange while the protocol is not known yet. */
    boolean join(Exchange exchange) {
        if (done || !multiplexable || waiters.size() >= H2Connection.MAX_STREAMS) return false;
        waiters.add(exchange);
        return true;
    }

    /** No waiter is left that wants the connection. */
    boolean abandoned() {
        for (Exchange e : waiters) if (!e.isFinished()) return false;
        return true;
    }

    /** The first exchange still waiting, or null. */
    Exchange first() {
        for (Exchange e : waiters) if (!e.isFinished()) return e;
        return null;
    }

    /** An HTTP/1.1 connection: the first waiter takes it; the others look for connections of their own. */
    void ready(HttpConnection connection) {
        if (!finish()) return;
        Exchange first = null;
        for (Exchange e : waiters) {
            if (e.isFinished()) continue;
            if (first == null) {
                first = e;
                transport.sendOn(connection, e);
            } else {
                transport.dispatch(e);
            }
        }
        if (first == null) transport.release(connection);
    }

    /** An h2 connection whose SETTINGS arrived: every waiter becomes a stream, here or elsewhere. */
    void ready(H2Connection connection) {
        if (!finish()) return;
        transport.register(connection);
        for (Exchange e : waiters) if (!e.isFinished()) transport.dispatch(e);
    }

    /** The connection could not be made: every waiter fails the same way (each may be retried). */
    void fail(FailureReason reason, String message) {
        if (!finish()) return;
        for (Exchange e : waiters) if (!e.isFinished()) e.fail(reason, message);
    }

    /** Nobody waits any more: later exchanges no longer wait for it either. */
    void drop() {
        finish();
    }

    /** --http2: over TLS, h2 is all that was offered. */
    boolean h2Only() {
        return transport.h2Only();
    }

    boolean isDone() {
        return done;
    }

    /**
     * The h2 connection ended before the server's first SETTINGS. With prior knowledge (h2c) that
     * is the mark of a server that does not speak HTTP/2; over TLS the server chose h2 and then
     * broke it (a protocol error), or the connection just dropped (retryable).
     */
    void h2StartFailed(boolean protocolError, String detail) {
        if (!route.origin().tls()) {
            fail(FailureReason.PROTOCOL, "the server at " + route.origin().hostHeader()
                    + " does not speak HTTP/2 (asked with prior knowledge, as --http2 does for http:// URLs): " + detail);
        } else {
            fail(protocolError ? FailureReason.PROTOCOL : FailureReason.CONNECTION_RESET, detail);
        }
    }

    private boolean finish() {
        if (done) return false;
        done = true;
        transport.dialEnded(this);
        return true;
    }
}
