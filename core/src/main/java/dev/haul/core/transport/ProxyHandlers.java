package dev.haul.core.transport;

import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;

import java.net.InetSocketAddress;

/** The tunnel handler at the head of a proxied pipeline. */
final class ProxyHandlers {
    private ProxyHandlers() {}

    /**
     * @param proxy the proxy's address, already resolved by the transport; the target's name is left
     *              for the proxy to resolve (DNS goes to the proxy when one is used)
     */
    static ProxyHandler tunnel(Route route, InetSocketAddress proxy, long timeoutMillis) {
        String creds = route.proxyCredentials();
        String user = null;
        String pass = null;
        if (creds != null) {
            int colon = creds.indexOf(':');
            user = colon < 0 ? creds : creds.substring(0, colon);
            pass = colon < 0 ? "" : creds.substring(colon + 1);
        }
        ProxyHandler h = route.socks()
                ? (user == null ? new Socks5ProxyHandler(proxy) : new Socks5ProxyHandler(proxy, user, pass))
                : (user == null ? new HttpProxyHandler(proxy) : new HttpProxyHandler(proxy, user, pass));
        h.setConnectTimeoutMillis(timeoutMillis);
        return h;
    }
}
