package dev.haul.core.transport;

import dev.haul.core.ProxySelector;
import dev.haul.core.Urls;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How a connection reaches an origin: directly, through an HTTP proxy (plain HTTP targets are
 * sent to it in absolute form; https targets get a CONNECT tunnel), or through a SOCKS5 proxy.
 * Connections are pooled per route, so a proxied and a direct connection are never mixed up.
 *
 * @param origin the server the request is for
 * @param proxy  the proxy URL ({@code http://} or {@code socks5://}, user info allowed), or null
 */
public record Route(Origin origin, URI proxy) {

    // Written out, like Origin's: routes key the connection pool.
    @Override
    public boolean equals(Object o) {
        return o instanceof Route other && origin.equals(other.origin) && java.util.Objects.equals(proxy, other.proxy);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + (proxy == null ? 0 : proxy.hashCode());
    }


    public static Route of(URI target, ProxySelector selector) {
        URI proxy = selector.proxyFor(target);
        return new Route(Origin.of(target), proxy);
    }

    public static Route direct(Origin origin) {
        return new Route(origin, null);
    }

    public boolean direct() {
        return proxy == null;
    }

    boolean socks() {
        return proxy != null && proxy.getScheme().toLowerCase(Locale.ROOT).startsWith("socks");
    }

    /** A plain-HTTP request through an HTTP proxy: sent to the proxy with the full URL as target. */
    boolean absoluteForm() {
        return proxy != null && !socks() && !origin.tls();
    }

    /** An https target through an HTTP proxy, or anything through SOCKS: a tunnel to the origin. */
    boolean tunnel() {
        return proxy != null && !absoluteForm();
    }

    String proxyHost() {
        String h = proxy.getHost();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    int proxyPort() {
        if (proxy.getPort() > 0) return proxy.getPort();
        return socks() ? 1080 : Urls.port(proxy);
    }

    /** {@code user:password} from the proxy URL, decoded, or null. */
    String proxyCredentials() {
        String info = proxy == null ? null : proxy.getRawUserInfo();
        if (info == null || info.isEmpty()) return null;
        return java.net.URLDecoder.decode(info.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    String proxyAuthorization() {
        String c = proxyCredentials();
        return c == null ? null : "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8));
    }

    /** The proxy as it may be shown: host and port, never its credentials. */
    String proxyShown() {
        return proxyHost() + ":" + proxyPort();
    }
}
