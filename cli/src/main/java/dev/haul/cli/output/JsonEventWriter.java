package dev.haul.cli.output;

import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns transfer events into the one-line JSON objects that {@code --json} prints on stdout.
 *
 * <p>Every object has {@code event}; all but {@code summary} also have {@code id} (number)
 * and {@code url} (string, user info masked). Fields appear in this order:
 * <pre>
 * | event       | fields after event, id, url                                          |
 * |-------------|----------------------------------------------------------------------|
 * | `queued`    | (none)                                                               |
 * | `started`   | `name`, `path`, `total` (bytes, or null when unknown), `sources`     |
 * |             | (the file's source URLs, masked: more than one with mirrors)         |
 * | `source_dropped` | `source` (masked URL), `message`: a mirror dropped, others go on |
 * | `progress`  | `bytes` (saved so far), `total` (or null), `speed` (bytes per second)|
 * | `retry`     | `attempt`, `reason`, `message`, `delay_ms`                           |
 * | `done`      | `path`, `bytes` (its size), `moved`, `skipped` (true when `--on-exists skip` or a |
 * |             | rerun kept a file), `unchanged` (-N: not modified; only when true)   |
 * | `failed`    | `reason`, `message`, `http_status` (or null when not an HTTP error)  |
 * | `cancelled` | `bytes` (saved so far; the `.part` is kept), `moved`                 |
 * | `summary`   | `done`, `failed`, `cancelled`, `bytes`, `moved`, `elapsed_ms`, `exit_code` |
 * </pre>
 * {@code bytes} is what is on disk, resumed bytes included (for {@code summary}: the sizes of
 * the files saved); {@code moved} is what this run received over the network (for
 * {@code summary}: for every transfer, whatever its end).
 * ({@code summary} has neither {@code id} nor {@code url}.) {@code reason} is a lowercase
 * name such as {@code connection_reset}, {@code http_error} or {@code checksum_mismatch};
 * {@code message} is one human sentence. {@code path} is the output directory as given
 * joined with the file name, the same string the plain mode prints; with no {@code -d} it
 * is the bare name.
 *
 * <p>Strings are escaped so that each object stays on one line and a terminal never sees a
 * raw control character. The writer is stateless and may be used from any thread.
 */
public final class JsonEventWriter {
    private final Path dirAsGiven;

    /** @param dirAsGiven the {@code -d} directory as the user wrote it, or null for the current directory */
    public JsonEventWriter(Path dirAsGiven) {
        this.dirAsGiven = dirAsGiven;
    }

    /** The event as one JSON object, without a trailing newline. */
    public String format(TransferEvent e) {
        TransferSnapshot t = e.transfer();
        if (e instanceof TransferEvent.Queued) {
            return start("queued", t).end();
        } else if (e instanceof TransferEvent.Started s) {
            return start("started", t)
                    .string("name", t.name())
                    .string("path", shownPath(t.path(), t.name()))
                    .size("total", t.totalBytes())
                    .strings("sources", t.sources())
                    .string("protocol", s.protocol())
                    .end();
        } else if (e instanceof TransferEvent.SourceDropped d) {
            return start("source_dropped", t)
                    .string("source", d.source())
                    .string("message", d.why())
                    .end();
        } else if (e instanceof TransferEvent.Progress) {
            return start("progress", t)
                    .number("bytes", t.bytesDone())
                    .size("total", t.totalBytes())
                    .number("speed", t.bytesPerSecond())
                    .end();
        } else if (e instanceof TransferEvent.Retry r) {
            Duration delay = r.delay();
            return start("retry", t)
                    .number("attempt", t.attempt())
                    .string("reason", reasonName(r.reason()))
                    .string("message", r.message())
                    .number("delay_ms", delay == null ? 0 : delay.toMillis())
                    .end();
        } else if (e instanceof TransferEvent.Finished f) {
            return formatFinished(t, f.outcome());
        }
        throw new IllegalArgumentException("unknown event " + e.getClass().getName());
    }

    private String formatFinished(TransferSnapshot t, Outcome outcome) {
        if (outcome instanceof Outcome.Completed c) {
            return start("done", t)
                    .string("path", shownPath(c.path(), t.name()))
                    .number("bytes", c.bytes())
                    .number("moved", c.moved())
                    .bool("skipped", c.skipped())
                    .boolIfTrue("unchanged", c.unchanged()) // -N only: other runs' events stay as they were
                    .end();
        } else if (outcome instanceof Outcome.Failed f) {
            return start("failed", t)
                    .string("reason", reasonName(f.reason()))
                    .string("message", f.message())
                    .nullableNumber("http_status", f.httpStatus() == 0 ? null : (long) f.httpStatus())
                    .end();
        } else if (outcome instanceof Outcome.Cancelled c) {
            return start("cancelled", t).number("bytes", Math.max(c.kept(), t.bytesDone())).number("moved", c.moved()).end();
        }
        throw new IllegalArgumentException("unknown outcome " + outcome);
    }

    /** The final line, when every byte of the files saved was moved by this run. */
    public String summary(int done, int failed, int cancelled, long bytes, long elapsedMillis, int exitCode) {
        return summary(done, failed, cancelled, bytes, bytes, elapsedMillis, exitCode);
    }

    /** The final line of a {@code --json} run. */
    public String summary(int done, int failed, int cancelled, long bytes, long moved, long elapsedMillis, int exitCode) {
        return new JsonLine("summary")
                .number("done", done)
                .number("failed", failed)
                .number("cancelled", cancelled)
                .number("bytes", bytes)
                .number("moved", moved)
                .number("elapsed_ms", elapsedMillis)
                .number("exit_code", exitCode)
                .end();
    }

    private static JsonLine start(String event, TransferSnapshot t) {
        return new JsonLine(event).number("id", t.id()).string("url", t.url());
    }

    /**
     * The path as the plain mode prints it: the directory as given joined with the saved
     * file's name. The engine's path is absolute; users and scripts expect what they typed.
     */
    private String shownPath(Path saved, String fallbackName) {
        String name = saved != null && saved.getFileName() != null ? saved.getFileName().toString() : fallbackName;
        if (name == null) return null;
        return dirAsGiven == null ? name : dirAsGiven.resolve(name).toString();
    }

    private static String reasonName(FailureReason reason) {
        return reason == null ? null : reason.name().toLowerCase(Locale.ROOT);
    }

    /** Builds one object; fields are written in call order. */
    private static final class JsonLine {
        private final StringBuilder out = new StringBuilder(128);

        JsonLine(String event) {
            out.append("{\"event\":");
            quote(out, event);
        }

        JsonLine number(String key, long value) {
            key(key).append(value);
            return this;
        }

        JsonLine nullableNumber(String key, Long value) {
            key(key).append(value == null ? "null" : value.toString());
            return this;
        }

        /** A byte count where a negative value means unknown. */
        JsonLine size(String key, long value) {
            return nullableNumber(key, value < 0 ? null : value);
        }

        JsonLine boolIfTrue(String key, boolean value) {
            return value ? bool(key, true) : this;
        }

        JsonLine bool(String key, boolean value) {
            key(key).append(value);
            return this;
        }

        JsonLine string(String key, String value) {
            key(key);
            if (value == null) out.append("null");
            else quote(out, value);
            return this;
        }

        JsonLine strings(String key, java.util.List<String> values) {
            key(key).append('[');
            for (int i = 0; values != null && i < values.size(); i++) {
                if (i > 0) out.append(',');
                quote(out, values.get(i));
            }
            out.append(']');
            return this;
        }

        String end() {
            return out.append('}').toString();
        }

        private StringBuilder key(String key) {
            out.append(',');
            quote(out, key);
            return out.append(':');
        }
    }

    /**
     * Appends {@code s} as a JSON string. Besides what JSON requires (quote, backslash, C0
     * controls) it escapes DEL, U+2028/U+2029 and unpaired surrogates, so the line is safe on
     * a terminal, in JavaScript, and survives UTF-8 encoding without loss.
     */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((c >> shift) & 0xf, 16));
        }
    }
}
