package dev.haul.core.transport;

import dev.haul.core.Urls;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port: what a connection is bound to, and what credentials are scoped to. */
public record Origin(boolean tls, String host, int port) {

    public static Origin of(URI url) {
        return new Origin("https".equalsIgnoreCase(url.getScheme()),
                url.getHost().toLowerCase(Locale.ROOT), Urls.port(url));
    }

    /** The host as it goes into a Host header or a socket address: IPv6 literals without brackets here. */
    public String bareHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The Host header value: the port is left out when it is the scheme's default. */
    public String hostHeader() {
        boolean defaultPort = tls ? port == 443 : port == 80;
        return defaultPort ? host : host + ":" + port;
    }

    // Written out: a record's generated equals and hashCode are bootstrapped through method handles on
    // first use and run slowly until compiled; origins are map keys on every transfer's path.
    @Override
    public boolean equals(Object o) {
        return o instanceof Origin other && tls == other.tls && port == other.port && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return (host.hashCode() * 31 + port) * 2 + (tls ? 1 : 0);
    }

    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + host + ":" + port;
    }
}
