package dev.haul.cli.netrc;

/**
 * Splits .netrc text into tokens as curl does: separated by white space, a token starting with
 * {@code #} comments out the rest of its line, and a double-quoted token may hold spaces and
 * the escapes {@code \"} {@code \\} {@code \n} {@code \r} {@code \t}.
 */
final class NetrcTokens {
    private final String text;
    private int pos;

    NetrcTokens(String text) {
        this.text = text;
    }

    /** The next token, or null at the end. */
    String next() {
        skipBlanksAndComments();
        if (pos >= text.length()) return null;
        return text.charAt(pos) == '"' ? quoted() : bare();
    }

    /** Skips a macdef body: everything up to and including the next empty line. */
    void skipMacro() {
        int eol = text.indexOf('\n', pos);
        if (eol < 0) {
            pos = text.length();
            return;
        }
        pos = eol + 1;   // the rest of the macdef line holds the macro name
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
            pos = end < 0 ? text.length() : end + 1;
            if (line.isBlank()) return;
        }
    }

    private void skipBlanksAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                int eol = text.indexOf('\n', pos);
                pos = eol < 0 ? text.length() : eol + 1;
            } else {
                return;
            }
        }
    }

    private String bare() {
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder token = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return token.toString();
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                token.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                token.append(c);
            }
        }
        return token.toString();   // unterminated: up to the end, as curl takes it
    }
}
