package dev.haul.core.transport;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** Idle kept-alive connections per origin, most recently used first. Loop-confined. */
final class ConnectionPool {
    private final Map<Origin, ArrayDeque<HttpConnection>> idle = new HashMap<>();

    HttpConnection take(Origin origin) {
        ArrayDeque<HttpConnection> q = idle.get(origin);
        if (q == null) return null;
        HttpConnection c;
        while ((c = q.pollFirst()) != null) {
            if (c.isUsable()) return c;
        }
        idle.remove(origin);
        return null;
    }

    void put(HttpConnection c) {
        idle.computeIfAbsent(c.origin, o -> new ArrayDeque<>()).addFirst(c);
    }

    void remove(HttpConnection c) {
        ArrayDeque<HttpConnection> q = idle.get(c.origin);
        if (q != null) {
            q.remove(c);
            if (q.isEmpty()) idle.remove(c.origin);
        }
    }
}
