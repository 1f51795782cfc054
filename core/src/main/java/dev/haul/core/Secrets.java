package dev.haul.core;

import java.net.URI;
import java.util.Locale;

/** Masks secrets before anything reaches a message, a log or a JSON event. */
public final class Secrets {
    private Secrets() {}

    /** The URL as text with any user info replaced by {@code ***}. */
    public static String maskUrl(URI url) {
        if (url == null) return "";
        String raw = url.toString();
        if (url.getRawUserInfo() == null) return raw;
        return raw.replace(url.getRawUserInfo() + "@", "***@");
    }

    /** Like {@link #maskUrl(URI)}, for text that may not parse as a URI. */
    public static String maskUrl(String raw) {
        int scheme = raw.indexOf("://");
        if (scheme < 0) return raw;
        int hostStart = scheme + 3;
        // The authority ends at the first '/'. A password may hold an unencoded '?' or '#'
        // (over-masking a query is harmless; showing a password is not), so only '/' ends it.
        int slash = raw.indexOf('/', hostStart);
        int end = slash < 0 ? raw.length() : slash;
        int at = raw.lastIndexOf('@', end - 1);
        if (at < hostStart) return raw;
        return raw.substring(0, hostStart) + "***" + raw.substring(at);
    }

    /** {@code "Name: value"} with the value masked when the header carries a credential. */
    public static String maskHeaderLine(String raw) {
        int colon = raw.indexOf(':');
        if (colon <= 0) return raw.replaceAll("[\\r\\n\\x00]", "?");
        String name = raw.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (name.equals("authorization") || name.equals("cookie") || name.equals("proxy-authorization")) {
            return raw.substring(0, colon) + ": ***";
        }
        return raw.replaceAll("[\\r\\n\\x00]", "?");
    }
}
