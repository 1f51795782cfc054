package dev.haul.core.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Reads IP address literals without ever asking DNS: anything that is not a literal is not an address. */
final class IpLiteral {
    private static final Pattern V6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiteral() {}

    /** The 4 or 16 address bytes of {@code text}, or null when it is not an IP literal (a host name, say). */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) return null;
        byte[] v4 = parseV4(text);
        if (v4 != null) return v4;
        return parseV6(text);
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            int value = Integer.parseInt(p);
            if (value > 255) return null;
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] parseV6(String text) {
        int zone = text.indexOf('%');
        String bare = zone >= 0 ? text.substring(0, zone) : text;
        // With a ':' and only these characters the JDK parses the text as an IPv6 literal and
        // throws when it is not one: it never turns to the resolver.
        if (bare.indexOf(':') < 0 || !V6_CHARS.matcher(bare).matches()) return null;
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }
}
