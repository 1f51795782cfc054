package dev.haul.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one file is split across connections ({@code -x N}): the byte ranges still to fetch, who
 * is fetching which, and work stealing near the end (a connection that runs out of work takes
 * the second half of the range with the most left). Pure bookkeeping, no I/O. Loop-confined.
 */
final class SegmentPlan {
    /** Ranges smaller than this are not worth another connection (its handshake and request). */
    static final long MIN_SEGMENT = 1L << 20;

    /** One range being (or to be) fetched: bytes [start, end), saved up to pos. */
    static final class Segment {
        final long start;
        long pos;
        long end;
        boolean active;

        Segment(long start, long end) {
            this.start = start;
            this.pos = start;
            this.end = end;
        }

        long remaining() {
            return end - pos;
        }

        boolean finished() {
            return pos >= end;
        }

        @Override
        public String toString() {
            return "[" + start + "," + pos + "," + end + ")";
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

    /**
     * A segment for a free connection: one never started, else half of the one with the most left
     * (when that half is worth a connection). Marked active. Null when there is nothing to give.
     */
    Segment next() {
        for (Segment s : segments) {
            if (!s.active && !s.finished()) {
                s.active = true;
                return s;
            }
        }
        Segment biggest = segments.stream().filter(s -> s.active && !s.finished())
                .max(Comparator.comparingLong(Segment::remaining)).orElse(null);
        if (biggest == null || biggest.remaining() < 2 * MIN_SEGMENT) return null;
        long mid = biggest.pos + biggest.remaining() / 2;
        Segment stolen = new Segment(mid, biggest.end);
        biggest.end = mid;
        stolen.active = true;
        segments.add(stolen);
        return stolen;
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
