package dev.haul.core.transport;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle kept-alive connections per origin, most recently used first. Loop-confined. Bounded, so
 * that a list spanning thousands of hosts does not keep thousands of sockets open for nothing.
 */
final class ConnectionPool {
    private final Map<Route, ArrayDeque<HttpConnection>> idle = new HashMap<>();
    private final int maxIdle;
    private int size;

    ConnectionPool(int maxIdle) {
        this.maxIdle = maxIdle;
    }

    HttpConnection take(Route route) {
        ArrayDeque<HttpConnection> q = idle.get(route);
        if (q == null) return null;
        HttpConnection c;
        while ((c = q.pollFirst()) != null) {
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
        idle.computeIfAbsent(c.route, o -> new ArrayDeque<>()).addFirst(c);
        size++;
    }

    void remove(HttpConnection c) {
        ArrayDeque<HttpConnection> q = idle.get(c.route);
        if (q != null && q.remove(c)) {
            size--;
            if (q.isEmpty()) idle.remove(c.route);
        }
    }
}
