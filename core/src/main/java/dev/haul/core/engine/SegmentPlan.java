package dev.haul.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one file is split across connections ({@code -x N}, several sources): the byte ranges still
 * to fetch, who is fetching which, and take-over near the end. A connection asks for its range one
 * piece at a time, so the bytes past its current piece are not yet requested: a free connection
 * takes over a split of that unrequested rest, and no byte is ever asked for twice. Pure
 * bookkeeping, no I/O. Loop-confined.
 */
final class SegmentPlan {
    /** Ranges smaller than this are not worth another connection (its handshake and request). */
    static final long MIN_SEGMENT = 1L << 20;
    /** The smallest piece one request asks for: a request costs a round trip. */
    static final long MIN_PIECE = 1L << 20;
    /** The largest piece: a slow connection keeps at most this much when a faster one takes over. */
    static final long MAX_PIECE = 32L << 20;
    /** A take-over must leave the new connection at least this much to be worth its request. */
    static final long MIN_TAKEOVER = 256L << 10;

    /** One range being (or to be) fetched: bytes [start, end), saved up to pos. */
    static final class Segment {
        final long start;
        long pos;
        long end;
        /** End of the bytes the current request asks for (its piece); pos when nothing is asked. */
        long requested;
        /**
         * The transfer's own first response: it asked for everything from its start, so a split
         * costs it one abort (bytes in flight past the split are lost once), not a second request.
         */
        boolean openEnded;
        boolean active;
        /** Bytes per second of the connection filling it, 0 while unknown. */
        long rate;

        Segment(long start, long end) {
            this.start = start;
            this.pos = start;
            this.end = end;
            this.requested = start;
        }

        long remaining() {
            return end - pos;
        }

        boolean finished() {
            return pos >= end;
        }

        /** Where the bytes this segment's connection will get anyway end: the split may not be before it. */
        long committed() {
            if (openEnded) return Math.min(end, pos + MIN_PIECE);
            return Math.min(end, Math.max(pos, requested));
        }

        /** Bytes nobody has asked for yet. */
        long unrequested() {
            return end - committed();
        }

        @Override
        public String toString() {
            return "[" + start + "," + pos + "," + requested + "," + end + ")";
        }
    }

    private final long total;
    private final List<Segment> segments = new ArrayList<>();
    /** Ranges finished before this plan (an earlier run), as [start, end) pairs. */
    private final List<long[]> doneBefore;

    /**
     * @param total       the file's size
     * @param missing     the ranges still to fetch, [start, end) pairs in order (the whole file when fresh)
     * @param connections the most ranges fetched at once
     */
    SegmentPlan(long total, List<long[]> missing, int connections) {
        this.total = total;
        this.doneBefore = complement(total, missing);
        long missingBytes = 0;
        for (long[] r : missing) missingBytes += r[1] - r[0];
        long target = Math.max(MIN_SEGMENT, ceilDiv(missingBytes, Math.max(1, connections)));
        for (long[] r : missing) {
            long len = r[1] - r[0];
            int parts = (int) Math.max(1, Math.min(connections, len / target));
            long step = ceilDiv(len, parts);
            for (long s = r[0]; s < r[1]; s += step) segments.add(new Segment(s, Math.min(r[1], s + step)));
        }
    }

    /** The segment that starts lowest: the one the first connection fills. */
    Segment first() {
        return segments.isEmpty() ? null : segments.get(0);
    }

    /** {@link #next(long)} for a connection whose rate is not known yet. */
    Segment next() {
        return next(0);
    }

    /**
     * A segment for a free connection: one never started, else a take-over of the unrequested rest
     * of another (split so both should end together, judged by their rates). Marked active. Null
     * when there is nothing worth giving.
     *
     * @param rate the free connection's bytes per second, 0 when unknown
     */
    Segment next(long rate) {
        for (Segment s : segments) {
            if (!s.active && !s.finished()) {
                s.active = true;
                s.requested = s.pos;
                return s;
            }
        }
        Segment victim = segments.stream().filter(s -> s.active && !s.finished())
                .max(Comparator.comparingLong(Segment::unrequested)).orElse(null);
        if (victim == null || victim.unrequested() < 2 * MIN_TAKEOVER) return null;
        long split = splitPoint(victim, rate);
        if (victim.end - split < MIN_TAKEOVER) return null;
        Segment taken = new Segment(split, victim.end);
        victim.end = split;
        taken.active = true;
        segments.add(taken);
        return taken;
    }

    /**
     * Where a take-over starts: the victim keeps what it is fetching plus a share of the rest in
     * proportion to its rate, so that both connections should finish at the same moment. Unknown
     * rates share the rest evenly.
     */
    static long splitPoint(Segment victim, long thiefRate) {
        long from = victim.committed();
        long rest = victim.end - from;
        long keep;
        if (victim.rate > 0 && thiefRate > 0) {
            // (inFlight + keep) / victimRate = (rest - keep) / thiefRate
            double inFlight = from - victim.pos;
            double k = (rest * (double) victim.rate - inFlight * thiefRate) / (victim.rate + (double) thiefRate);
            keep = (long) Math.max(0, Math.min(rest, k));
        } else {
            keep = rest / 2;
        }
        return from + keep;
    }

    /**
     * How much the next request of a connection at {@code rate} asks for: about a second of it, and
     * at most half of what its range has left, so that near the end what a slower connection keeps
     * (its current piece) shrinks with it.
     */
    static long pieceFor(Segment s, long rate) {
        long piece = Math.max(MIN_PIECE, Math.min(Math.min(MAX_PIECE, rate), s.remaining() / 2));
        return Math.min(s.remaining(), piece);
    }

    boolean complete() {
        for (Segment s : segments) if (!s.finished()) return false;
        return true;
    }

    /** Bytes saved so far, earlier runs included. */
    long saved() {
        long n = 0;
        for (long[] r : done()) n += r[1] - r[0];
        return n;
    }

    /** Every byte range known to be on disk, merged, as [start, end) pairs: what the sidecar records. */
    List<long[]> done() {
        List<long[]> all = new ArrayList<>(doneBefore);
        for (Segment s : segments) if (s.pos > s.start) all.add(new long[] {s.start, s.pos});
        return merge(all);
    }

    long total() {
        return total;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The ranges of [0, total) not covered by {@code ranges}. */
    static List<long[]> complement(long total, List<long[]> ranges) {
        List<long[]> out = new ArrayList<>();
        long at = 0;
        for (long[] r : merge(ranges)) {
            if (r[0] > at) out.add(new long[] {at, Math.min(r[0], total)});
            at = Math.max(at, r[1]);
        }
        if (at < total) out.add(new long[] {at, total});
        return out;
    }

    static List<long[]> merge(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.removeIf(r -> r[1] <= r[0]);
        sorted.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : sorted) {
            if (!out.isEmpty() && r[0] <= out.get(out.size() - 1)[1]) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new long[] {r[0], r[1]});
            }
        }
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
