package dev.haul.cli.progress;

import dev.haul.cli.output.Sanitized;
import dev.haul.cli.output.Units;
import dev.haul.core.TransferSnapshot;

/** One transfer as one row: name, bytes, percent, speed (or what it waits for) and ETA. */
final class TransferRow {
    private TransferRow() {}

    /** The row as plain text; {@code marked} puts a '>' in the gutter (the selection without color). */
    static String format(TransferSnapshot t, RowLayout layout, boolean marked) {
        StringBuilder b = new StringBuilder();
        b.append(marked ? "> " : "  ");
        b.append(DisplayWidth.padRight(DisplayWidth.truncateMiddle(label(t) + fanOut(t), layout.nameWidth()), layout.nameWidth()));
        if (layout.size()) b.append("  ").append(DisplayWidth.padLeft(size(t), RowLayout.SIZE));
        if (layout.percent()) b.append("  ").append(DisplayWidth.padLeft(percent(t), RowLayout.PERCENT));
        if (layout.speed()) b.append("  ").append(DisplayWidth.padLeft(speed(t), RowLayout.SPEED));
        if (layout.eta()) b.append("  ").append(DisplayWidth.padLeft(eta(t), RowLayout.ETA));
        return b.toString();
    }

    /** The file name once the response named it, else the URL without its scheme. */
    static String label(TransferSnapshot t) {
        if (t.name() != null && !t.name().isEmpty()) return Sanitized.line(t.name());
        String url = t.url();
        int scheme = url.indexOf("://");
        return Sanitized.line(scheme >= 0 ? url.substring(scheme + 3) : url);
    }

    /**
     * How one file is fetched, when not over one connection from one URL: " [x3]" for three
     * connections, " [x4, 2 sources]" with mirrors. Kept by the name's middle truncation.
     */
    static String fanOut(TransferSnapshot t) {
        int sources = t.sources() == null ? 1 : t.sources().size();
        if (t.connections() <= 1 && sources <= 1) return "";
        String x = t.connections() > 1 ? "x" + t.connections() : "";
        String src = sources > 1 ? sources + " sources" : "";
        return " [" + x + (x.isEmpty() || src.isEmpty() ? "" : ", ") + src + "]";
    }

    private static String size(TransferSnapshot t) {
        if (t.totalBytes() < 0) return Units.bytes(t.bytesDone());
        return Units.bytes(t.bytesDone()) + " / " + Units.bytes(t.totalBytes());
    }

    private static String percent(TransferSnapshot t) {
        if (t.totalBytes() <= 0) return "";
        long p = Math.min(100, Math.max(0, t.bytesDone()) * 100 / t.totalBytes());
        return p + "%";
    }

    private static String speed(TransferSnapshot t) {
        return switch (t.state()) {
            case CONNECTING -> "connecting";
            case PAUSED -> "paused";
            case RETRY_WAIT -> "retry #" + (t.attempt() + 1);
            case QUEUED -> "queued";
            default -> Units.speed(t.bytesPerSecond());
        };
    }

    private static String eta(TransferSnapshot t) {
        if (t.state() != dev.haul.core.TransferState.DOWNLOADING || t.totalBytes() < 0) return "";
        return Eta.of(t.totalBytes() - t.bytesDone(), t.bytesPerSecond());
    }
}
