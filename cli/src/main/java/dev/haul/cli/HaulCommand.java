package dev.haul.cli;

import dev.haul.core.OnExists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;

/** The options of {@code haul}, as picocli sees them. A thin adapter: {@link Session} does the work. */
@Command(name = "haul",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Downloads many files at once over HTTP and HTTPS, on one event-loop thread.%n"
                + "Saved paths go to stdout, one per line as each file completes; messages go to stderr.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  haul https://example.org/file.iso",
                "  haul -j 32 -d downloads -i urls.txt",
                "  generate-urls | haul -d out | xargs -n1 sha256sum",
                "  haul --json -i urls.txt | jq -c 'select(.event==\"failed\")'",
                "  haul demo                  (a built-in server: works offline)",
                "",
                "Exit status: 0 all saved, 1 some failed, 2 usage error, 130/143 interrupted."})
public final class HaulCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL", arity = "0..*", description = "http:// or https:// URLs to download.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-i", "--input-file"}, paramLabel = "FILE",
            description = "Read URLs from FILE, one per line ('-' for standard input). Lines may add out=NAME and sha256=HEX.")
    String inputFile;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", description = "Save into DIR (created if missing). Default: the current directory.")
    String dir;

    @Option(names = {"-o", "--output"}, paramLabel = "NAME",
            description = "Save the single URL as NAME; '-' writes the body to standard output.")
    String output;

    @Option(names = "--on-exists", paramLabel = "MODE", defaultValue = "rename",
            description = "When NAME exists: rename (save as NAME.1, NAME.2, ...), skip, overwrite or fail. Default: ${DEFAULT-VALUE}.")
    String onExists;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected SHA-256 of the single URL's body; a mismatch fails it.")
    String sha256;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "8", description = "Transfers at once. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "0",
            description = "Connections to one host (scheme, host, port) at once. Default: no cap beyond --jobs.")
    int perHost;

    @Option(names = {"-x", "--connections"}, paramLabel = "N", defaultValue = "1",
            description = "Connections for one file (segmented download). Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--limit-rate", paramLabel = "RATE", description = "Cap on all transfers together, in bytes per second (500K, 2M, 1G).")
    String limitRate;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5", description = "Retries of a failed attempt. Default: ${DEFAULT-VALUE}.")
    int retries;

    @Option(names = "--connect-timeout", paramLabel = "SEC", defaultValue = "10", description = "Connect budget in seconds. Default: ${DEFAULT-VALUE}.")
    double connectTimeout;

    @Option(names = "--stall-timeout", paramLabel = "SEC", defaultValue = "30",
            description = "Fail an attempt after this many seconds without body bytes. Default: ${DEFAULT-VALUE}.")
    double stallTimeout;

    @Option(names = "--max-redirects", paramLabel = "N", defaultValue = "10", description = "Redirects followed. Default: ${DEFAULT-VALUE}.")
    int maxRedirects;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "Extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-A", "--user-agent"}, paramLabel = "UA", description = "User-Agent to send.")
    String userAgent;

    @Option(names = {"-u", "--user"}, paramLabel = "USER:PASS", description = "Basic credentials, sent only to the URL's own origin.")
    String user;

    @Option(names = "--cacert", paramLabel = "FILE", description = "Also trust the certificates in this PEM file.")
    Path cacert;

    @Option(names = {"-k", "--insecure"}, description = "Do not verify TLS certificates or host names.")
    boolean insecure;

    @Option(names = "--proxy", paramLabel = "URL", description = "Proxy for all requests (also: http_proxy, https_proxy, no_proxy).")
    String proxy;

    @Option(names = "--json", description = "Print one JSON event per line on stdout instead of saved paths.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more detail, and stack traces for internal errors.")
    boolean verbose;

    private final Streams streams;

    public HaulCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        return prepare().getAsInt();
    }

    /**
     * Checks the options now, throwing {@link UsageException} for any mistake, and returns the run,
     * not yet started: a caller (haul demo) can report usage errors before printing anything else.
     */
    public IntSupplier prepare() {
        Settings settings = Settings.from(this);
        return () -> new Session(settings, streams).run();
    }

    OnExists onExistsMode() {
        try {
            return OnExists.valueOf(onExists.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--on-exists must be rename, skip, overwrite or fail, not '" + onExists + "'");
        }
    }
}
