package dev.haul.core.proxy;

import dev.haul.core.Secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a proxy URL as curl does: {@code [scheme://][user:password@]host[:port]}, the scheme
 * {@code http} when left out and the port 1080 (curl's default for every proxy type) when left
 * out. Error messages mask the user info.
 */
public final class ProxyUrl {
    /** curl's default proxy port. */
    public static final int DEFAULT_PORT = 1080;
    /** The schemes the transport speaks to a proxy (socks5h: the proxy resolves the host, as Netty's SOCKS5 handler asks it to). */
    public static final Set<String> SCHEMES = Set.of("http", "socks5", "socks5h");

    private ProxyUrl() {}

    /**
     * @param raw    the URL as given
     * @param source where it came from, for the message: {@code --proxy} or a variable's name
     * @return {@code scheme://[userinfo@]host:port}, with nothing after the port
     * @throws IllegalArgumentException naming the source and the masked URL
     */
    public static URI parse(String raw, String source) {
        String text = raw.trim();
        if (!text.contains("://")) text = "http://" + text;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(raw, source, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw bad(raw, source, "unsupported proxy scheme '" + scheme + "' (use http:// or socks5://)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw bad(raw, source, "no proxy host");
        if (uri.getPort() > 65535) throw bad(raw, source, "port out of range");
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(raw, source, "a proxy URL has no path");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        return URI.create(scheme + "://" + userInfo + uri.getHost() + ":" + port);
    }

    private static IllegalArgumentException bad(String raw, String source, String why) {
        return new IllegalArgumentException(source + ": bad proxy URL '" + Secrets.maskUrl(raw.trim()) + "': " + why);
    }
}
