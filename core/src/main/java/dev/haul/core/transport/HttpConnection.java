package dev.haul.core.transport;

import io.netty.channel.Channel;

/** One TCP (or TLS) connection to an origin, and the exchange it currently carries. Loop-confined. */
final class HttpConnection {
    final Channel channel;
    final Origin origin;
    final Route route;
    private Exchange current;
    private boolean reused;
    /** In the pool's idle deque and counted there (see {@link ConnectionPool}). */
    boolean pooled;
    /** When bytes last came in, or a request went out (System.nanoTime): the stall clock. */
    private long lastActivityNanos;

    HttpConnection(Channel channel, Origin origin) {
        this(channel, Route.direct(origin));
    }

    HttpConnection(Channel channel, Route route) {
        this.channel = channel;
        this.route = route;
        this.origin = route.origin();
    }

    Exchange current() {
        return current;
    }

    void begin(Exchange exchange, boolean fromPool) {
        this.current = exchange;
        this.reused = fromPool;
        exchange.attach(this);
    }

    /** The exchange ended: the connection carries nothing until it is taken from the pool again. */
    void idle() {
        current = null;
        channel.config().setAutoRead(true);
    }

    /** Something happened that restarts the stall clock: a read, a request sent, reading resumed. */
    void touch(long nowNanos) {
        lastActivityNanos = nowNanos;
    }

    /** Nothing came in for a whole stall period (and reading was not held on purpose). */
    boolean stalled(long nowNanos, long stallNanos) {
        if (nowNanos - lastActivityNanos < stallNanos) return false;
        return current == null || !current.readingPaused();
    }

    boolean reused() {
        return reused;
    }

    void setAutoRead(boolean on) {
        channel.config().setAutoRead(on);
        if (on) channel.read();
    }

    void close() {
        current = null;
        channel.close();
    }

    boolean isUsable() {
        return channel.isActive() && current == null;
    }
}
