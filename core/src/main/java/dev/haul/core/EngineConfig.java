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
 * @param connections     connections per file (segmented download when the server allows), at least 1
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
        int connections) {

    public static final String DEFAULT_USER_AGENT = "haul/" + Version.get();

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
        if (connections < 1) throw new IllegalArgumentException("connections must be at least 1");
    }

    public static EngineConfig defaults(Path dir) {
        return new EngineConfig(dir, 8, 0, 10, Duration.ofSeconds(10), Duration.ofSeconds(30),
                OnExists.RENAME, List.of(), DEFAULT_USER_AGENT, null, TlsSettings.DEFAULT, false, 5, HostCredentials.NONE, ProxySelector.DIRECT, 0, 1);
    }

    public EngineConfig withJobs(int n) {
        return new EngineConfig(dir, n, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withPerHost(int n) {
        return new EngineConfig(dir, jobs, n, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withOnExists(OnExists mode) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, mode,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withCredentials(String userColonPassword) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, userColonPassword, tls, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withHeaders(List<Header> extra) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                extra, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withMaxRedirects(int n) {
        return new EngineConfig(dir, jobs, perHost, n, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withTls(TlsSettings t) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, t, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withRetries(int n) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, n, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withTimeouts(Duration connect, Duration stall) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connect, stall, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, connections);
    }

    public EngineConfig withNetrc(HostCredentials lookup) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, lookup, proxy, limitRate, connections);
    }

    public EngineConfig withProxy(ProxySelector selector) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, selector, limitRate, connections);
    }

    public EngineConfig withLimitRate(long bytesPerSecond) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, bytesPerSecond, connections);
    }

    public EngineConfig withConnections(int n) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, progressEvents, retries, netrc, proxy, limitRate, n);
    }

    public EngineConfig withProgressEvents(boolean on) {
        return new EngineConfig(dir, jobs, perHost, maxRedirects, connectTimeout, stallTimeout, onExists,
                headers, userAgent, credentials, tls, on, retries, netrc, proxy, limitRate, connections);
    }
}
