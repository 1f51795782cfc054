package dev.haul.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Checks and normalises the URLs users give: http and https only, with a host. */
public final class Urls {
    private Urls() {}

    /**
     * Parses a URL given by the user. Characters a URI may not hold (spaces, non-ASCII) are
     * percent-encoded as a browser would; CR, LF, NUL and other control characters are refused.
     *
     * @throws IllegalArgumentException with a message naming the problem (not the URL: the caller names it)
     */
    public static URI parse(String raw) {
        if (raw == null || raw.isEmpty()) throw new IllegalArgumentException("empty URL");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new IllegalArgumentException("URL contains a control character");
        }
        int colon = raw.indexOf("://");
        if (colon <= 0) {
            // "example.org/a.iso", "localhost:8080/x": a host and path that only lack the scheme
            boolean hostLike = raw.matches("([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(:[0-9]+)?([/?#].*)?|[A-Za-z0-9.-]+:[0-9]+([/?#].*)?");
            throw new IllegalArgumentException("not a URL: it needs http:// or https:// in front"
                    + (hostLike ? ", as in http://" + raw : ""));
        }
        String scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(raw.substring(0, colon) + ":// is not supported: haul takes http:// and https:// URLs");
        }
        String needsHost = raw.substring(0, colon + 3) + " needs a host, as in " + scheme + "://example.org/file";
        if (authorityHost(raw.substring(colon + 3)).isEmpty()) throw new IllegalArgumentException(needsHost);
        URI uri;
        try {
            uri = new URI(encodeIllegal(raw));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + lowerFirst(e.getReason())
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(needsHost);
        }
        if (uri.getPort() > 65535) throw new IllegalArgumentException("URL port out of range");
        return uri.normalize();
    }

    /** The host of an authority (what follows "scheme://"): user info and port left out; empty when none. */
    private static String authorityHost(String rest) {
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        String authority = rest.substring(0, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) return host;
        int port = host.lastIndexOf(':');
        return port >= 0 ? host.substring(0, port) : host;
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "unparsable" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Parses a Location header value, which may be relative. Illegal characters are encoded as in
     * {@link #parse}; control characters are refused.
     */
    public static URI parseReference(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new IllegalArgumentException("redirect target contains a control character");
        }
        try {
            return new URI(encodeIllegal(raw.trim()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason());
        }
    }

    /**
     * Resolves a Location header against the URL it came from, by RFC 3986 section 5.2 (which
     * {@link URI#resolve} predates: it mishandles query-only references and '..' above the root).
     * The fragment is dropped: it is never sent.
     */
    public static URI resolve(URI base, String location) {
        URI ref = parseReference(location);
        String scheme;
        String authority;
        String path;
        String query;
        if (ref.getScheme() != null) {
            scheme = ref.getScheme();
            authority = ref.getRawAuthority();
            path = removeDotSegments(ref.getRawPath());
            query = ref.getRawQuery();
        } else {
            scheme = base.getScheme();
            if (ref.getRawAuthority() != null) {
                authority = ref.getRawAuthority();
                path = removeDotSegments(ref.getRawPath());
                query = ref.getRawQuery();
            } else {
                authority = base.getRawAuthority();
                String refPath = ref.getRawPath() == null ? "" : ref.getRawPath();
                if (refPath.isEmpty()) {
                    path = base.getRawPath();
                    query = ref.getRawQuery() != null ? ref.getRawQuery() : base.getRawQuery();
                } else {
                    if (refPath.startsWith("/")) {
                        path = removeDotSegments(refPath);
                    } else {
                        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
                        path = removeDotSegments(basePath.substring(0, basePath.lastIndexOf('/') + 1) + refPath);
                    }
                    query = ref.getRawQuery();
                }
            }
        }
        StringBuilder b = new StringBuilder(scheme).append("://").append(authority == null ? "" : authority);
        b.append(path == null || path.isEmpty() ? "/" : path);
        if (query != null) b.append('?').append(query);
        return parse(b.toString());
    }

    /** RFC 3986 section 5.2.4: '.' and '..' segments go, and '..' never climbs above the root. */
    static String removeDotSegments(String path) {
        if (path == null || path.isEmpty()) return path;
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".") || seg.equals("..")) {
                if (seg.equals("..") && out.size() > 1) out.removeLast();
                if (last) out.addLast("");
            } else {
                out.addLast(seg);
            }
        }
        String joined = String.join("/", out);
        return path.startsWith("/") && !joined.startsWith("/") ? "/" + joined : joined;
    }

    /** The port the URL connects to, with the scheme's default filled in. */
    public static int port(URI uri) {
        if (uri.getPort() > 0) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The scheme, host and port that identify an origin, as one lowercase string. */
    public static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
    }

    /** Percent-encodes the characters that {@link URI} refuses but people paste (space, non-ASCII, |, ^ ...). */
    static String encodeIllegal(String raw) {
        StringBuilder out = null;
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean legal = b > 0x20 && b < 0x7f && "\"<>\\^`{|}".indexOf(b) < 0;
            if (legal && b != '%') {
                if (out != null) out.append((char) b);
                continue;
            }
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                if (out != null) out.append('%');
                continue;
            }
            if (out == null) {
                out = new StringBuilder(raw.length() + 16);
                out.append(new String(bytes, 0, i, StandardCharsets.UTF_8));
            }
            out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return out == null ? raw : out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
