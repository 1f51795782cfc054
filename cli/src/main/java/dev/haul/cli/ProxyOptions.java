package dev.haul.cli;

import picocli.CommandLine.Option;

/** Where requests go instead of the origin. */
final class ProxyOptions {
    @Option(names = "--proxy", paramLabel = "URL",
            description = {"Send requests through this proxy: [http:// or socks5://][USER:PASS@]HOST[:PORT] "
                    + "(port 1080 by default, as in curl); '' turns proxies off.",
                    "Without it: http_proxy (lower case only, as curl), https_proxy or HTTPS_PROXY, then all_proxy. "
                    + "no_proxy or NO_PROXY lists hosts, domains, IPs, CIDR ranges (':PORT' optional) or * to reach directly."})
    String url;
}
