package dev.haul.cli;

import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.Header;
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
        boolean verbose,
        boolean nul,
        QueueSettings queue) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** --http1.1 or --http2; given both, the command line's beats the config file's, and both on one of them is an error. */
    static dev.haul.core.HttpVersions httpVersions(HttpOptions h) {
        boolean h11 = h.http11, h2 = h.http2;
        if (h11 && h2 && h.http11Given != h.http2Given) {
            h11 = h.http11Given;
            h2 = h.http2Given;
        }
        if (h11 && h2) throw new UsageException("--http1.1 and --http2 cannot be used together");
        return h11 ? dev.haul.core.HttpVersions.HTTP1_1 : h2 ? dev.haul.core.HttpVersions.HTTP2 : dev.haul.core.HttpVersions.AUTO;
    }

    static Settings from(HaulCommand c) {
        if (c.concurrency.jobs < 1) throw new UsageException("--jobs must be at least 1");
        if (c.concurrency.perHost < 0) throw new UsageException("--per-host must not be negative");
        if (c.concurrency.connections < 0) throw new UsageException("--connections must be a number of at least 1, or auto");
        if (c.retry.retries < 0) throw new UsageException("--retries must not be negative");
        if (c.http.maxRedirects < 0) throw new UsageException("--max-redirects must not be negative");
        if (!(c.retry.connectTimeout > 0)) throw new UsageException("--connect-timeout must be more than 0");
        if (!(c.retry.stallTimeout > 0)) throw new UsageException("--stall-timeout must be more than 0");
        if (c.concurrency.limitRate != null) RateParser.parse(c.concurrency.limitRate);

        List<URI> urls = new ArrayList<>();
        for (String raw : c.urls) {
            try {
                urls.add(Urls.parse(raw));
            } catch (IllegalArgumentException e) {
                String command = CommandSuggestion.near(raw).orElse(null);
                if (command != null) throw new UsageException("'" + raw + "' is neither a URL nor a command: did you mean `" + command + "`?");
                throw new UsageException("bad URL '" + Secrets.maskUrl(raw) + "': " + e.getMessage());
            }
        }
        boolean single = urls.size() == 1 && c.input.inputFile == null;
        List<URI> mirrors = new ArrayList<>();
        for (String raw : c.input.mirrors) {
            try {
                mirrors.add(Urls.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad --mirror URL '" + Secrets.maskUrl(raw) + "': " + e.getMessage());
            }
        }
        if (!mirrors.isEmpty() && !single) throw new UsageException("--mirror needs exactly one URL (and no --input-file)");
        if (c.output.output != null && !single) throw new UsageException("-o/--output needs exactly one URL (and no --input-file)");
        if (c.output.sha256 != null && !single) throw new UsageException("--sha256 needs exactly one URL (and no --input-file)");
        if (c.output.sha256 != null && !SHA256.matcher(c.output.sha256).matches()) throw new UsageException("--sha256 must be 64 hex digits");
        if ("-".equals(c.output.output) && c.display.json) {
            throw new UsageException("--json and -o - both want stdout: the body goes there with -o -, so JSON cannot");
        }
        if ("-".equals(c.output.output) && c.output.nul) {
            throw new UsageException("-0 and -o - both want stdout: the body goes there with -o -, so no paths can");
        }
        if (c.display.json && c.output.nul) throw new UsageException("-0 ends saved paths with NUL; --json prints JSON lines, not paths");
        if (c.output.output != null && !c.output.output.equals("-") && (c.output.output.contains("/") || c.output.output.contains("\\"))) {
            throw new UsageException("-o takes a file name, not a path: use -d DIR for the directory");
        }

        List<Header> headers = new ArrayList<>();
        for (String raw : c.http.headers) {
            try {
                headers.add(Header.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (c.http.userAgent != null && (c.http.userAgent.indexOf('\r') >= 0 || c.http.userAgent.indexOf('\n') >= 0)) {
            throw new UsageException("--user-agent contains a line break");
        }
        if (c.http.user != null && (c.http.user.indexOf('\r') >= 0 || c.http.user.indexOf('\n') >= 0 || !c.http.user.contains(":"))) {
            throw new UsageException("--user must look like USER:PASSWORD");
        }
        if (c.tls.cacert != null && !Files.isReadable(c.tls.cacert)) {
            throw new UsageException("--cacert: cannot read " + c.tls.cacert);
        }
        OnExists onExists = c.onExistsMode();

        Path dir = c.output.dir == null ? Path.of("") : Path.of(c.output.dir);
        boolean toStdout = "-".equals(c.output.output);
        List<DownloadRequest> requests = new ArrayList<>();
        for (URI u : urls) {
            requests.add(new DownloadRequest(u, toStdout ? null : c.output.output, c.output.sha256 == null ? null : c.output.sha256.toLowerCase(Locale.ROOT))
                    .withMirrors(mirrors));
        }
        EngineConfig engine = new EngineConfig(
                dir.toAbsolutePath().normalize(),
                c.concurrency.jobs,
                c.concurrency.perHost,
                c.http.maxRedirects,
                Duration.ofMillis((long) (c.retry.connectTimeout * 1000)),
                Duration.ofMillis((long) (c.retry.stallTimeout * 1000)),
                onExists,
                headers,
                c.http.userAgent == null ? EngineConfig.DEFAULT_USER_AGENT : c.http.userAgent,
                c.http.user,
                new TlsSettings(c.tls.cacert, c.tls.insecure),
                c.display.json,
                c.retry.retries,
                Access.netrc(c),
                Access.proxy(c),
                c.concurrency.limitRate == null ? 0 : RateParser.parse(c.concurrency.limitRate),
                c.concurrency.connections)
                .withHttpVersions(httpVersions(c.http));
        return new Settings(engine, requests, c.input.inputFile, toStdout, c.output.dir, c.display.json, c.display.quiet, c.display.verbose,
                c.output.nul, QueueSettings.from(c.queue));
    }
}
