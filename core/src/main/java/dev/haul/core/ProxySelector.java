package dev.haul.core;

import java.net.URI;

/** Chooses the proxy for a URL: a proxy URL ({@code http://[user:pass@]host:port}), or null to connect directly. */
@FunctionalInterface
public interface ProxySelector {
    URI proxyFor(URI target);

    ProxySelector DIRECT = target -> null;
}
