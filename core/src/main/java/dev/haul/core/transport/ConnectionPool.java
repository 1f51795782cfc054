package dev.haul.core.transport;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle kept-alive connections per origin, most recently used first. Loop-confined. Bounded, so
 * that a list spanning thousands of hosts does not keep thousands of sockets open for nothing.
 * A connection that closes while pooled is only marked: searching a deque of thousands for it on
 * every close (as 10,000 transfers to one host end) made closing quadratic. Marked entries are
 * skipped when taken and swept out when they outnumber the live ones.
 */
final class ConnectionPool {
    private final Map<Route, ArrayDeque<HttpConnection>> idle = new HashMap<>();
    private final int maxIdle;
    private int size;
    /** Entries of closed connections still in the deques. */
    private int dead;

    ConnectionPool(int maxIdle) {
        this.maxIdle = maxIdle;
    }

    HttpConnection take(Route route) {
        ArrayDeque<HttpConnection> q = idle.get(route);
        if (q == null) return null;
        HttpConnection c;
        while ((c = q.pollFirst()) != null) {
            if (!c.pooled) { // closed while idle: already counted out
                dead--;
                continue;
            }
            c.pooled = false;
            size--;
            if (c.isUsable()) {
                if (q.isEmpty()) idle.remove(route);
                return c;
            }
        }
        idle.remove(route);
        return null;
    }

    /** Keeps the connection for reuse; closes it instead when the pool is full. */
    void put(HttpConnection c) {
        if (size >= maxIdle) {
            c.close();
            return;
        }
        ArrayDeque<HttpConnection> q = idle.computeIfAbsent(c.route, o -> new ArrayDeque<>());
        q.addFirst(c);
        c.pooled = true;
        size++;
    }

    /** The connection closed: it is no longer offered. O(1). */
    void remove(HttpConnection c) {
        if (!c.pooled) return;
        c.pooled = false;
        size--;
        if (++dead > size + 64) sweep();
    }

    /** Drops the closed connections' entries, and the routes left with none: O(entries), now and then. */
    private void sweep() {
        idle.values().removeIf(q -> {
            q.removeIf(x -> !x.pooled);
            return q.isEmpty();
        });
        dead = 0;
    }

    /** Entries held for closed connections (for tests). */
    int deadEntries() {
        return dead;
    }

    /** Routes with a deque (for tests). */
    int routes() {
        return idle.size();
    }

    int size() {
        return size;
    }
}
