package dev.haul.cli;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.Header;
import dev.haul.core.HostCredentials;
import dev.haul.core.ProxySelector;
import dev.haul.core.OnExists;
import dev.haul.core.Secrets;
import dev.haul.core.TlsSettings;
import dev.haul.core.Urls;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The command line, checked: every usage error is found here, before anything is downloaded,
 * and reported as a {@link UsageException}.
 */
record Settings(
        EngineConfig engine,
        List<DownloadRequest> argRequests,
        String inputFile,
        boolean toStdout,
        String dirAsGiven,
        boolean json,
        boolean quiet,
        boolean verbose) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** --proxy URL for every request (the environment's proxies come with the config work). */
    private static ProxySelector proxySelector(String raw) {
        if (raw == null) return ProxySelector.DIRECT;
        URI proxy;
        try {
            proxy = URI.create(raw.contains("://") ? raw : "http://" + raw);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--proxy: not a URL: " + Secrets.maskUrl(raw));
        }
        String scheme = proxy.getScheme() == null ? "" : proxy.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("socks5") && !scheme.equals("socks5h")) {
            throw new UsageException("--proxy must be http:// or socks5://, not " + Secrets.maskUrl(raw));
        }
        if (proxy.getHost() == null) throw new UsageException("--proxy has no host: " + Secrets.maskUrl(raw));
        return target -> proxy;
    }

    static Settings from(HaulCommand c) {
        if (c.jobs < 1) throw new UsageException("--jobs must be at least 1");
        if (c.perHost < 0) throw new UsageException("--per-host must not be negative");
        if (c.connections < 1) throw new UsageException("--connections must be at least 1");
        if (c.retries < 0) throw new UsageException("--retries must not be negative");
        if (c.maxRedirects < 0) throw new UsageException("--max-redirects must not be negative");
        if (!(c.connectTimeout > 0)) throw new UsageException("--connect-timeout must be more than 0");
        if (!(c.stallTimeout > 0)) throw new UsageException("--stall-timeout must be more than 0");
        if (c.limitRate != null) RateParser.parse(c.limitRate);

        List<URI> urls = new ArrayList<>();
        for (String raw : c.urls) {
            try {
                urls.add(Urls.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad URL '" + Secrets.maskUrl(raw) + "': " + e.getMessage());
            }
        }
        boolean single = urls.size() == 1 && c.inputFile == null;
        if (c.output != null && !single) throw new UsageException("-o/--output needs exactly one URL (and no --input-file)");
        if (c.sha256 != null && !single) throw new UsageException("--sha256 needs exactly one URL (and no --input-file)");
        if (c.sha256 != null && !SHA256.matcher(c.sha256).matches()) throw new UsageException("--sha256 must be 64 hex digits");
        if (c.output != null && !c.output.equals("-") && (c.output.contains("/") || c.output.contains("\\"))) {
            throw new UsageException("-o takes a file name, not a path: use -d DIR for the directory");
        }

        List<Header> headers = new ArrayList<>();
        for (String raw : c.headers) {
            try {
                headers.add(Header.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (c.userAgent != null && (c.userAgent.indexOf('\r') >= 0 || c.userAgent.indexOf('\n') >= 0)) {
            throw new UsageException("--user-agent contains a line break");
        }
        if (c.user != null && (c.user.indexOf('\r') >= 0 || c.user.indexOf('\n') >= 0 || !c.user.contains(":"))) {
            throw new UsageException("--user must look like USER:PASSWORD");
        }
        if (c.cacert != null && !Files.isReadable(c.cacert)) {
            throw new UsageException("--cacert: cannot read " + c.cacert);
        }
        OnExists onExists = c.onExistsMode();

        Path dir = c.dir == null ? Path.of("") : Path.of(c.dir);
        boolean toStdout = "-".equals(c.output);
        List<DownloadRequest> requests = new ArrayList<>();
        for (URI u : urls) {
            requests.add(new DownloadRequest(u, toStdout ? null : c.output, c.sha256 == null ? null : c.sha256.toLowerCase(Locale.ROOT)));
        }
        EngineConfig engine = new EngineConfig(
                dir.toAbsolutePath().normalize(),
                c.jobs,
                c.perHost,
                c.maxRedirects,
                Duration.ofMillis((long) (c.connectTimeout * 1000)),
                Duration.ofMillis((long) (c.stallTimeout * 1000)),
                onExists,
                headers,
                c.userAgent == null ? EngineConfig.DEFAULT_USER_AGENT : c.userAgent,
                c.user,
                new TlsSettings(c.cacert, c.insecure),
                c.json,
                c.retries,
                HostCredentials.NONE,
                proxySelector(c.proxy),
                c.limitRate == null ? 0 : RateParser.parse(c.limitRate),
                c.connections);
        return new Settings(engine, requests, c.inputFile, toStdout, c.dir, c.json, c.quiet, c.verbose);
    }
}
