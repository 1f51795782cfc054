package dev.haul.core.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of a directory's record file: a version line, then one tab-separated line per saved file
 * ({@code name url etag last-modified size}; {@code %}, tab, CR and LF escaped as {@code %XX};
 * {@code -} for a missing validator). A later line for a name replaces an earlier one. Reading
 * is lenient: a line that does not parse (a torn last line after a crash) is ignored, and a
 * file of another version is read as empty. Pure: no I/O.
 */
final class SavedFileFormat {
    static final String HEADER = "haul-saved 1";

    private SavedFileFormat() {}

    static String line(SavedFile f) {
        return escape(f.name()) + '\t' + escape(f.url()) + '\t' + orDash(f.etag()) + '\t' + orDash(f.lastModified())
                + '\t' + f.size() + '\n';
    }

    /** The records in {@code text}, oldest first; empty when the header is not this version's. */
    static List<SavedFile> parse(String text) {
        List<SavedFile> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) return out;
        // The last element follows the last newline: a complete file has nothing there, a torn one a fragment.
        for (int i = 1; i < lines.length - 1; i++) parseLine(lines[i]).ifPresent(out::add);
        return out;
    }

    static boolean hasHeader(String text) {
        int nl = text.indexOf('\n');
        return nl >= 0 && text.substring(0, nl).strip().equals(HEADER);
    }

    private static Optional<SavedFile> parseLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) return Optional.empty();
        try {
            long size = Long.parseLong(f[4].strip());
            String name = unescape(f[0]);
            String url = unescape(f[1]);
            if (size < 0 || name.isEmpty() || url.isEmpty()) return Optional.empty();
            return Optional.of(new SavedFile(name, url, fromDash(f[2]), fromDash(f[3]), size));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String orDash(String v) {
        return v == null || v.isEmpty() ? "-" : escape(v);
    }

    private static String fromDash(String v) {
        return v.equals("-") ? null : unescape(v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '\t' || c == '\r' || c == '\n' || (c == '-' && s.length() == 1)) {
                b.append('%').append(String.format("%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) throw new IllegalArgumentException("bad escape");
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
