package dev.haul.cli.output;

/** Text from the network made safe for a terminal line: control characters become '?'. */
public final class Sanitized {
    private Sanitized() {}

    public static String line(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (bad && b == null) b = new StringBuilder(s.substring(0, i));
            if (b != null) b.append(bad ? '?' : c);
        }
        return b == null ? s : b.toString();
    }
}
