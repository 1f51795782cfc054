package dev.haul.core.transport;

import dev.haul.core.FailureReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The h2 connections that are ready, per route, and their stall sweep. Loop-confined. */
final class H2Registry {
    private final Map<Route, List<H2Connection>> byRoute = new HashMap<>();

    void add(H2Connection c) {
        byRoute.computeIfAbsent(c.route, r -> new ArrayList<>(2)).add(c);
    }

    void remove(H2Connection c) {
        List<H2Connection> list = byRoute.get(c.route);
        if (list != null && list.remove(c) && list.isEmpty()) byRoute.remove(c.route);
    }

    /** A connection of the route that takes another stream now, or null. */
    H2Connection withRoom(Route route) {
        List<H2Connection> list = byRoute.get(route);
        if (list == null) return null;
        for (H2Connection c : list) if (c.hasRoom()) return c;
        return null;
    }

    /** A connection to the origin (on any route) that takes another stream now, or null. */
    H2Connection withRoom(Origin origin) {
        if (byRoute.isEmpty()) return null;
        for (Map.Entry<Route, List<H2Connection>> e : byRoute.entrySet()) {
            if (!e.getKey().origin().equals(origin)) continue;
            for (H2Connection c : e.getValue()) if (c.hasRoom()) return c;
        }
        return null;
    }

    /** Fails the streams that read nothing for a stall period; closes connections idle as long. */
    void sweepStalls(long nowNanos, long stallNanos, long stallSeconds) {
        if (stallNanos <= 0 || byRoute.isEmpty()) return;
        List<H2Stream> stalled = new ArrayList<>();
        List<H2Connection> idle = new ArrayList<>();
        for (List<H2Connection> list : byRoute.values()) {
            for (H2Connection c : list) {
                c.collectStalled(nowNanos, stallNanos, stalled);
                if (c.idleFor(nowNanos, stallNanos)) idle.add(c);
            }
        }
        for (H2Stream s : stalled) {
            Exchange e = s.exchange();
            if (e != null) e.fail(FailureReason.TIMEOUT, "no data received for " + stallSeconds + " s");
        }
        for (H2Connection c : idle) c.channel.close();
    }

    void closeAll() {
        for (List<H2Connection> list : List.copyOf(byRoute.values())) {
            for (H2Connection c : List.copyOf(list)) c.channel.close();
        }
    }

    /** Connections open now (for tests and -v). */
    int size() {
        int n = 0;
        for (List<H2Connection> list : byRoute.values()) n += list.size();
        return n;
    }
}
