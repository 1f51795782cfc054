package dev.haul.core.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed no_proxy list: entries separated by commas or white space, each a host name or
 * domain ({@code example.com} and {@code .example.com} both match {@code example.com} and
 * {@code a.example.com}), an IP address, a CIDR range ({@code 10.0.0.0/8}, {@code fe80::/10}),
 * or {@code *} for every host; an optional {@code :port} ({@code [::1]:8080} for IPv6) limits
 * an entry to that port. Names are compared without case and without a trailing dot. No DNS:
 * a host name never matches an address entry. Entries that cannot be read are ignored, as curl
 * ignores them.
 */
public final class NoProxy {
    public static final NoProxy NONE = new NoProxy(List.of());

    private final List<NoProxyRule> rules;

    private NoProxy(List<NoProxyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static NoProxy parse(String list) {
        if (list == null || list.isBlank()) return NONE;
        List<NoProxyRule> rules = new ArrayList<>();
        for (String entry : list.trim().split("[,\\s]+")) {
            NoProxyRule rule = rule(entry);
            if (rule != null) rules.add(rule);
        }
        return new NoProxy(rules);
    }

    /**
     * @param host a URI's host: a name, an IPv4 literal or a bracketed IPv6 literal
     * @param port the port the URL connects to (its default when it names none)
     */
    public boolean matches(String host, int port) {
        if (rules.isEmpty() || host == null) return false;
        String h = normalise(unbracket(host));
        byte[] address = IpLiteral.parse(h);
        for (NoProxyRule rule : rules) {
            if (rule.matches(h, address, port)) return true;
        }
        return false;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static NoProxyRule rule(String entry) {
        if (entry.isEmpty()) return null;
        if (entry.equals("*")) return new NoProxyRule.Everything();
        String body = entry;
        int port = NoProxyRule.ANY_PORT;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) return null;
            body = entry.substring(1, close);
            String rest = entry.substring(close + 1);
            if (rest.startsWith("/")) {
                body += rest;            // [fe80::]/10
            } else if (rest.startsWith(":")) {
                port = port(rest.substring(1));
                if (port < 0) return null;
            } else if (!rest.isEmpty()) {
                return null;
            }
        } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            // One colon: host:port or a.b.c.d:port. Two or more: a bare IPv6 address.
            int colon = entry.indexOf(':');
            port = port(entry.substring(colon + 1));
            if (port < 0) return null;
            body = entry.substring(0, colon);
        }
        return body.indexOf('/') >= 0 ? network(body, port) : hostOrAddress(body, port);
    }

    private static NoProxyRule network(String body, int port) {
        int slash = body.indexOf('/');
        byte[] network = IpLiteral.parse(body.substring(0, slash));
        if (network == null) return null;
        String bits = body.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !ascii(bits)) return null;
        int prefix = Integer.parseInt(bits);
        if (prefix > network.length * 8) return null;
        return new NoProxyRule.Network(network, prefix, port);
    }

    private static NoProxyRule hostOrAddress(String body, int port) {
        byte[] address = IpLiteral.parse(body);
        if (address != null) return new NoProxyRule.Network(address, address.length * 8, port);
        String name = normalise(body);
        while (name.startsWith(".")) name = name.substring(1);
        if (name.isEmpty()) return null;
        return new NoProxyRule.Domain(name, port);
    }

    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !ascii(digits)) return -1;
        int p = Integer.parseInt(digits);
        return p >= 1 && p <= 65535 ? p : -1;
    }

    private static boolean ascii(String digits) {
        return digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
