package dev.haul.core;

import java.util.Locale;
import java.util.Objects;

/** One request header given by the user. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }

    /** Parses {@code "Name: value"}; rejects CR, LF and NUL, which would split the request. */
    public static Header parse(String raw) {
        if (raw.indexOf('\r') >= 0 || raw.indexOf('\n') >= 0 || raw.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("header contains a line break or NUL: " + Secrets.maskHeaderLine(raw));
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("header contains a control character: " + Secrets.maskHeaderLine(raw));
            }
        }
        int colon = raw.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("header must look like 'Name: value': " + Secrets.maskHeaderLine(raw));
        }
        String name = raw.substring(0, colon).trim();
        if (name.isEmpty()) throw new IllegalArgumentException("header has no name: " + Secrets.maskHeaderLine(raw));
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("header name is not a valid token: " + name);
            }
        }
        return new Header(name, raw.substring(colon + 1).trim());
    }

    /** Headers that carry secrets: sent only to the origin they were given for, and masked in output. */
    public boolean isCredential() {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("cookie") || n.equals("proxy-authorization");
    }
}
