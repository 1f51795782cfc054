package dev.haul.core.transport;

import io.netty.channel.Channel;

/** One TCP (or TLS) connection to an origin, and the exchange it currently carries. Loop-confined. */
final class HttpConnection implements Carrier {
    final Channel channel;
    final Origin origin;
    final Route route;
    private final Transport transport;
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
        this(channel, route, null);
    }

    HttpConnection(Channel channel, Route route, Transport transport) {
        this.transport = transport;
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
    @Override
    public void touch(long nowNanos) {
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

    @Override
    public void setAutoRead(boolean on) {
        channel.config().setAutoRead(on);
        if (on) channel.read();
    }

    @Override
    public void close() {
        current = null;
        channel.close();
    }

    @Override
    public void completed(boolean reusable) {
        if (reusable && transport != null) transport.release(this);
        else close();
    }

    @Override
    public boolean unprocessed() {
        return reused;
    }

    @Override
    public void retryElsewhere(Exchange exchange) {
        transport.connectFresh(exchange); // not the pool: its next connection may be just as stale
    }

    @Override
    public String protocol() {
        return "http/1.1";
    }

    boolean isUsable() {
        return channel.isActive() && current == null;
    }
}
