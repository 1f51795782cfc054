package dev.haul.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs to know that does not change per URL.
 *
 * @param dir             output directory (created if missing)
 * @param jobs            transfers at once
 * @param perHost         connections to one origin at once, 0 for no cap beyond {@code jobs}
 * @param maxRedirects    redirects followed per transfer
 * @param connectTimeout  TCP connect budget (DNS and TLS handshake have their own of the same size)
 * @param stallTimeout    no body bytes for this long fails the attempt
 * @param onExists        policy when the final name is taken
 * @param headers         extra request headers, "Name: value" already split
 * @param userAgent       User-Agent header value
 * @param credentials     user:password for Basic auth, or null
 * @param tls             certificate verification settings
 * @param progressEvents  emit {@link TransferEvent.Progress} at most once a second per transfer
 * @param retries         retries of a failed attempt (the contract's retryable failures only)
 * @param netrc           credentials by host, used when neither -u nor the URL gives any
 * @param proxy           where requests go instead of the origin, per URL
 * @param limitRate       bytes per second for all transfers together, 0 for no limit
 * @param connections     connections per file (segmented download when the server allows), at least 1,
 *                        or {@link #AUTO_CONNECTIONS} for {@code -x auto}
 * @param httpVersions    which HTTP versions may be spoken ({@code --http1.1}, {@code --http2}); null means AUTO
 */
public record EngineConfig(
        Path dir,
        int jobs,
        int perHost,
        int maxRedirects,
        Duration connectTimeout,
        Duration stallTimeout,
        OnExists onExists,
        List<Header> headers,
        String userAgent,
        String credentials,
        TlsSettings tls,
        boolean progressEvents,
        int retries,
        HostCredentials netrc,
        ProxySelector proxy,
        long limitRate,
        int connections,
        HttpVersions httpVersions) {

    public static final String DEFAULT_USER_AGENT = "haul/" + Version.get();
    /** {@code -x auto}: one connection, more while each raises the file's rate. */
    public static final int AUTO_CONNECTIONS = 0;

    public EngineConfig {
        Objects.requireNonNull(dir, "dir");
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1");
        if (perHost < 0) throw new IllegalArgumentException("perHost must not be negative");
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must not be negative");
        if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
        headers = List.copyOf(headers);
        Objects.requireNonNull(onExists, "onExists");
        Objects.requireNonNull(tls, "tls");
        if (netrc == null) netrc = HostCredentials.NONE;
        if (proxy == null) proxy = ProxySelector.DIRECT;
        if (limitRate < 0) throw new IllegalArgumentException("limitRate must not be negative");
        if (connections < 0) throw new IllegalArgumentException("connections must be at least 1, or AUTO_CONNECTIONS");
        if (httpVersions == null) httpVersions = HttpVersions.AUTO;
    }

    /** Without {@code httpVersions}: the default, h2 when a TLS server offers it. */
    public EngineConfig(Path dir, int jobs, int perHost, int maxRedirects, Duration connectTimeout, Duration stallTimeout,
                        OnExists onExists, List<Header> headers, String userAgent, String credentials, TlsSettings tls,
                        boolean progressEvents, int retries, HostCredentials netrc, ProxySelector proxy, long limitRate,
                        int connections) {
        this(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists, headers, userAgent, credentials, tls,
                progressEvents, retries, netrc, proxy, limitRate, connections, HttpVersions.AUTO);
    }

    public EngineConfig withHttpVersions(HttpVersions v) {
        Builder b = toBuilder();
        b.httpVersions = v;
        return b.build();
    }

    public static EngineConfig defaults(Path dir) {
        return new EngineConfig(dir, 8, 0, 10, Duration.ofSeconds(10), Duration.ofSeconds(30),
                OnExists.RENAME, List.of(), DEFAULT_USER_AGENT, null, TlsSettings.DEFAULT, false, 5, HostCredentials.NONE, ProxySelector.DIRECT, 0, 1);
    }

    public EngineConfig withJobs(int n) {
        Builder b = toBuilder();
        b.jobs = n;
        return b.build();
    }

    public EngineConfig withPerHost(int n) {
        Builder b = toBuilder();
        b.perHost = n;
        return b.build();
    }

    public EngineConfig withOnExists(OnExists mode) {
        Builder b = toBuilder();
        b.onExists = mode;
        return b.build();
    }

    public EngineConfig withCredentials(String userColonPassword) {
        Builder b = toBuilder();
        b.credentials = userColonPassword;
        return b.build();
    }

    public EngineConfig withHeaders(List<Header> extra) {
        Builder b = toBuilder();
        b.headers = extra;
        return b.build();
    }

    public EngineConfig withMaxRedirects(int n) {
        Builder b = toBuilder();
        b.maxRedirects = n;
        return b.build();
    }

    public EngineConfig withTls(TlsSettings t) {
        Builder b = toBuilder();
        b.tls = t;
        return b.build();
    }

    public EngineConfig withRetries(int n) {
        Builder b = toBuilder();
        b.retries = n;
        return b.build();
    }

    public EngineConfig withTimeouts(Duration connect, Duration stall) {
        Builder b = toBuilder();
        b.connectTimeout = connect; b.stallTimeout = stall;
        return b.build();
    }

    public EngineConfig withNetrc(HostCredentials lookup) {
        Builder b = toBuilder();
        b.netrc = lookup;
        return b.build();
    }

    public EngineConfig withProxy(ProxySelector selector) {
        Builder b = toBuilder();
        b.proxy = selector;
        return b.build();
    }

    public EngineConfig withLimitRate(long bytesPerSecond) {
        Builder b = toBuilder();
        b.limitRate = bytesPerSecond;
        return b.build();
    }

    public EngineConfig withConnections(int n) {
        Builder b = toBuilder();
        b.connections = n;
        return b.build();
    }

    public EngineConfig withProgressEvents(boolean on) {
        Builder b = toBuilder();
        b.progressEvents = on;
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.dir = dir;
        b.jobs = jobs;
        b.perHost = perHost;
        b.maxRedirects = maxRedirects;
        b.connectTimeout = connectTimeout;
        b.stallTimeout = stallTimeout;
        b.onExists = onExists;
        b.headers = headers;
        b.userAgent = userAgent;
        b.credentials = credentials;
        b.tls = tls;
        b.progressEvents = progressEvents;
        b.retries = retries;
        b.netrc = netrc;
        b.proxy = proxy;
        b.limitRate = limitRate;
        b.connections = connections;
        b.httpVersions = httpVersions;
        return b;
    }

    /** The fields as mutable copies: each with-method changes one and builds a new config. */
    private static final class Builder {
        private Path dir;
        private int jobs;
        private int perHost;
        private int maxRedirects;
        private Duration connectTimeout;
        private Duration stallTimeout;
        private OnExists onExists;
        private List<Header> headers;
        private String userAgent;
        private String credentials;
        private TlsSettings tls;
        private boolean progressEvents;
        private int retries;
        private HostCredentials netrc;
        private ProxySelector proxy;
        private long limitRate;
        private int connections;
        private HttpVersions httpVersions;

        EngineConfig build() {
            return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists, headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, connections, httpVersions);
        }
    }
}
