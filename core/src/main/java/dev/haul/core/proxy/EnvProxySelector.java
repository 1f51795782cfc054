package dev.haul.core.proxy;

import dev.haul.core.ProxySelector;
import dev.haul.core.Secrets;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy for each URL, chosen as curl chooses it: {@code --proxy} wins (an empty one turns
 * every proxy off); else {@code http_proxy} or {@code HTTP_PROXY} for http URLs and
 * {@code https_proxy} or {@code HTTPS_PROXY} for https URLs, falling back to {@code all_proxy}
 * or {@code ALL_PROXY}; the lower-case variable wins. (curl ignores an upper-case HTTP_PROXY,
 * which a CGI request's Proxy header can set; haul's contract honours either case, and haul is
 * not a CGI program.) URLs whose host matches
 * {@code no_proxy} (or {@code NO_PROXY}) go direct, whichever proxy was set. Empty variables
 * count as unset. Pure: the environment is read once, into this object.
 */
public final class EnvProxySelector implements ProxySelector {
    private final URI httpProxy;
    private final URI httpsProxy;
    private final NoProxy noProxy;

    EnvProxySelector(URI httpProxy, URI httpsProxy, NoProxy noProxy) {
        this.httpProxy = httpProxy;
        this.httpsProxy = httpsProxy;
        this.noProxy = noProxy;
    }

    /**
     * @param option the {@code --proxy} value, or null when not given
     * @param env    the environment variables
     * @throws IllegalArgumentException when a proxy URL cannot be used (the message names its source, credentials masked)
     */
    public static EnvProxySelector from(String option, Map<String, String> env) {
        NoProxy noProxy = NoProxy.parse(first(env, "no_proxy", "NO_PROXY"));
        if (option != null) {
            URI all = option.isBlank() ? null : ProxyUrl.parse(option, "--proxy");
            return new EnvProxySelector(all, all, noProxy);
        }
        URI all = url(env, "all_proxy", "ALL_PROXY");
        URI http = url(env, "http_proxy", "HTTP_PROXY");
        URI https = url(env, "https_proxy", "HTTPS_PROXY");
        return new EnvProxySelector(http != null ? http : all, https != null ? https : all, noProxy);
    }

    @Override
    public URI proxyFor(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        URI proxy = scheme.equals("https") ? httpsProxy : scheme.equals("http") ? httpProxy : null;
        if (proxy == null) return null;
        int port = target.getPort() >= 0 ? target.getPort() : scheme.equals("https") ? 443 : 80;
        return noProxy.matches(target.getHost(), port) ? null : proxy;
    }

    /** True when no URL can go through a proxy. */
    public boolean isDirect() {
        return httpProxy == null && httpsProxy == null;
    }

    /** For logs: the proxies with their credentials masked. */
    @Override
    public String toString() {
        return "proxies{http=" + (httpProxy == null ? "direct" : Secrets.maskUrl(httpProxy))
                + ", https=" + (httpsProxy == null ? "direct" : Secrets.maskUrl(httpsProxy))
                + (noProxy.isEmpty() ? "" : ", with no_proxy") + "}";
    }

    private static URI url(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return ProxyUrl.parse(value, name);
        }
        return null;
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return value;
        }
        return null;
    }
}
