package dev.haul.core.engine;

import dev.haul.core.transport.Origin;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides which queued transfer runs next: in submission order, at most {@code jobs} at once
 * and at most {@code perHost} per origin. Queues are kept per origin so that a saturated host
 * never makes admission scan its whole backlog. Loop-confined.
 */
final class Admission {
    private final Map<Origin, ArrayDeque<Transfer>> waiting = new LinkedHashMap<>();
    private final Map<Origin, Integer> active = new HashMap<>();
    /** Which transfers wait in a queue: asking a transfer that ended is O(1), not a scan of 10,000. */
    private final java.util.Set<Transfer> queuedSet = new java.util.HashSet<>();
    private final int perHost;
    /** Whether a new transfer to the origin would be a stream on an h2 connection already open (not a new connection). */
    private final java.util.function.Predicate<Origin> multiplexed;
    private int jobs;
    private int running;
    private int queued;

    Admission(int jobs, int perHost) {
        this(jobs, perHost, o -> false);
    }

    Admission(int jobs, int perHost, java.util.function.Predicate<Origin> multiplexed) {
        this.jobs = capped(jobs);
        this.perHost = perHost;
        this.multiplexed = multiplexed;
    }

    void enqueue(Transfer t) {
        queuedSet.add(t);
        waiting.computeIfAbsent(t.origin(), o -> new ArrayDeque<>()).addLast(t);
        queued++;
    }

    /** Puts a transfer back at the head of its origin's queue (a redirect to a saturated origin). */
    void requeueFirst(Transfer t) {
        queuedSet.add(t);
        waiting.computeIfAbsent(t.origin(), o -> new ArrayDeque<>()).addFirst(t);
        queued++;
    }

    boolean remove(Transfer t) {
        if (!queuedSet.remove(t)) return false;
        ArrayDeque<Transfer> q = waiting.get(t.origin());
        if (q == null || !q.remove(t)) return false;
        if (q.isEmpty()) waiting.remove(t.origin());
        queued--;
        return true;
    }

    /** The next transfer allowed to start, already counted as running; null when none may. */
    Transfer next() {
        if (running >= jobs) return null;
        Origin best = null;
        long bestId = Long.MAX_VALUE;
        for (Map.Entry<Origin, ArrayDeque<Transfer>> e : waiting.entrySet()) {
            if (!hasRoom(e.getKey())) continue;
            long id = e.getValue().peekFirst().id();
            if (id < bestId) {
                bestId = id;
                best = e.getKey();
            }
        }
        if (best == null) return null;
        ArrayDeque<Transfer> q = waiting.get(best);
        Transfer t = q.pollFirst();
        queuedSet.remove(t);
        if (q.isEmpty()) waiting.remove(best);
        queued--;
        running++;
        acquire(t.origin());
        return t;
    }

    /**
     * --per-host counts connections: a transfer past the cap is still let in when it will be one
     * more stream on an h2 connection to the origin that has room.
     */
    boolean hasRoom(Origin origin) {
        return perHost == 0 || active.getOrDefault(origin, 0) < perHost || multiplexed.test(origin);
    }

    /** A running transfer ended. */
    void finished(Origin origin) {
        running--;
        release(origin);
    }

    /** A running transfer moved to another origin (redirect): its connection slot moves with it. */
    void moved(Origin from, Origin to) {
        release(from);
        acquire(to);
    }

    /** An extra connection of a running transfer (segments): only --per-host limits it. */
    boolean tryExtra(Origin origin) {
        if (!hasRoom(origin)) return false;
        acquire(origin);
        return true;
    }

    void releaseExtra(Origin origin) {
        release(origin);
    }

    /** A running transfer gave its slot back to wait in the queue again. */
    void yielded(Origin origin) {
        running--;
        release(origin);
    }

    private void acquire(Origin origin) {
        active.merge(origin, 1, Integer::sum);
    }

    private void release(Origin origin) {
        active.computeIfPresent(origin, (o, n) -> n <= 1 ? null : n - 1);
    }

    void setJobs(int n) {
        jobs = capped(Math.max(1, n));
    }

    /** More at once than the open-file limit allows would fail transfers with "Too many open files". */
    private static int capped(int n) {
        return n > 500 ? Math.min(n, OpenFileLimit.maxTransfers()) : n;
    }

    int jobs() {
        return jobs;
    }

    int running() {
        return running;
    }

    int queued() {
        return queued;
    }
}
