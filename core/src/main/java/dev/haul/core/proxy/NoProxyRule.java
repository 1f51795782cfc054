package dev.haul.core.proxy;

import java.util.Locale;

/**
 * One entry of a no_proxy list: a host name (matching itself and every name below it), an IP
 * address or CIDR range, or {@code *}; each but {@code *} optionally limited to one port.
 */
sealed interface NoProxyRule {
    int ANY_PORT = -1;

    boolean matches(String host, byte[] address, int port);

    /** Every host. */
    record Everything() implements NoProxyRule {
        @Override
        public boolean matches(String host, byte[] address, int port) {
            return true;
        }
    }

    /** {@code example.com} (or {@code .example.com}): that host and any host name that ends in {@code .example.com}. */
    record Domain(String name, int port) implements NoProxyRule {
        public Domain {
            name = name.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean matches(String host, byte[] address, int port) {
            if (this.port != ANY_PORT && this.port != port) return false;
            return host.equals(name) || (host.endsWith(name) && host.charAt(host.length() - name.length() - 1) == '.');
        }
    }

    /** An address ({@code prefixBits} = all its bits) or a range; matches only hosts written as IP literals, as curl does. */
    record Network(byte[] network, int prefixBits, int port) implements NoProxyRule {
        @Override
        public boolean matches(String host, byte[] address, int port) {
            if (this.port != ANY_PORT && this.port != port) return false;
            if (address == null || address.length != network.length) return false;
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) return false;
            }
            int rest = prefixBits % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
