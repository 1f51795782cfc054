package dev.haul.cli.progress;

import dev.haul.cli.output.Units;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;

import java.util.ArrayList;
import java.util.List;

/**
 * The line under the rows: counts always; then, while they fit, the total speed, the ETA and the
 * jobs limit; and a reminder of the keys whenever any fits: the whole list when there is room,
 * else "? keys" (the jobs limit, then the ETA, make way for it).
 */
final class TotalLine {
    static final String KEYS = "↑↓ select  c cancel  p pause  a add  q quit  ? keys";
    static final String SHORT_KEYS = "? keys";

    private TotalLine() {}

    static String format(EngineSnapshot s, List<TransferSnapshot> rows, int width, boolean keys, boolean color) {
        int active = s.transfers().size() - s.queued();
        StringBuilder counts = new StringBuilder("  ")
                .append(s.done()).append(" done, ")
                .append(s.failed()).append(" failed, ")
                .append(active).append(" active, ")
                .append(s.queued()).append(" queued");
        if (s.cancelled() > 0) counts.append(", ").append(s.cancelled()).append(" cancelled");

        List<String> optional = new ArrayList<>();
        optional.add(Units.speed(s.bytesPerSecond()));
        String eta = eta(s, rows);
        if (eta != null) optional.add("ETA " + eta);
        if (s.jobs() > 0) optional.add("jobs " + s.jobs());

        int fit = 0;
        String line = counts.toString();
        for (String part : optional) {
            String longer = line + "   " + part;
            if (DisplayWidth.of(longer) > width) break;
            line = longer;
            fit++;
        }
        if (keys) line = withHint(counts.toString(), optional.subList(0, fit), width, line);
        return Sgr.style(Sgr.BOLD, DisplayWidth.truncateEnd(line, width), color);
    }

    /** The line with the longest key reminder that fits, dropping optional parts from the end for the short one. */
    private static String withHint(String counts, List<String> parts, int width, String without) {
        String all = join(counts, parts);
        if (DisplayWidth.of(all + "    " + KEYS) <= width) return all + "    " + KEYS;
        for (int n = parts.size(); n >= 0; n--) {
            String line = join(counts, parts.subList(0, n)) + "   " + SHORT_KEYS;
            if (DisplayWidth.of(line) <= width) return line;
        }
        return without;
    }

    private static String join(String counts, List<String> parts) {
        StringBuilder b = new StringBuilder(counts);
        for (String part : parts) b.append("   ").append(part);
        return b.toString();
    }

    /**
     * Known only when nothing waits in the queue, every running size is known and nothing is
     * paused: a paused transfer ends when the user says so, not at any speed.
     */
    private static String eta(EngineSnapshot s, List<TransferSnapshot> rows) {
        if (s.queued() > 0 || rows.isEmpty()) return null;
        long remaining = 0;
        for (TransferSnapshot t : rows) {
            if (t.totalBytes() < 0 || t.state() == TransferState.PAUSED) return null;
            remaining += Math.max(0, t.totalBytes() - t.bytesDone());
        }
        String eta = Eta.of(remaining, s.bytesPerSecond());
        return eta.equals(Eta.UNKNOWN) ? null : eta;
    }
}
