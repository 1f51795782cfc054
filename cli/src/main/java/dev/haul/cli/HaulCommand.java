package dev.haul.cli;

import dev.haul.cli.config.ConfigDefaults;
import dev.haul.core.OnExists;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;

/**
 * The options of {@code haul}, as picocli sees them, grouped by purpose for --help and the man
 * page. A thin adapter: {@link Session} does the work.
 */
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
                "  haul --netrc --proxy proxy.example:3128 https://example.org/f",
                "  haul demo                  (a built-in server: works offline)",
                "  source <(haul completion bash)",
                "",
                "Config file: $XDG_CONFIG_HOME/haul/config (default: ~/.config/haul/config) sets defaults for long options, "
                        + "one 'name = value' a line ('jobs = 16'; a bare 'insecure' turns a flag on; '#' starts a comment line). "
                        + "The command line wins; --no-config ignores the file.",
                "",
                "Exit status: 0 all saved, 1 some failed, 2 usage error, 130/143 interrupted."})
public final class HaulCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL", arity = "0..*", description = "http:// or https:// URLs to download.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--no-config", description = "Ignore the config file.")
    boolean noConfig;

    @ArgGroup(validate = false, heading = "%nInput:%n", order = 1)
    InputOptions input = new InputOptions();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 2)
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nConcurrency:%n", order = 3)
    ConcurrencyOptions concurrency = new ConcurrencyOptions();

    @ArgGroup(validate = false, heading = "%nHTTP:%n", order = 4)
    HttpOptions http = new HttpOptions();

    @ArgGroup(validate = false, heading = "%nTLS:%n", order = 5)
    TlsOptions tls = new TlsOptions();

    @ArgGroup(validate = false, heading = "%nProxy:%n", order = 6)
    ProxyOptions proxy = new ProxyOptions();

    @ArgGroup(validate = false, heading = "%nRetries and timeouts:%n", order = 7)
    RetryOptions retry = new RetryOptions();

    @ArgGroup(validate = false, heading = "%nDisplay:%n", order = 8)
    DisplayOptions display = new DisplayOptions();

    @Spec
    CommandSpec spec;

    private final Streams streams;
    private final Environment environment;
    private ConfigDefaults config;

    public HaulCommand(Streams streams) {
        this(streams, Environment.system());
    }

    public HaulCommand(Streams streams, Environment environment) {
        this.streams = streams;
        this.environment = environment;
    }

    /** The config file's settings, applied by picocli as default values; null when there is none. */
    void useConfig(ConfigDefaults defaults) {
        this.config = defaults;
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
        Settings settings = settings();
        return () -> new Session(settings, streams).run();
    }

    /** The parsed options (with the config file's repeatable options filled in), checked. */
    Settings settings() {
        if (config != null && spec != null) config.applyLists(spec.commandLine().getParseResult());
        return Settings.from(this);
    }

    Streams streams() {
        return streams;
    }

    Environment environment() {
        return environment;
    }

    boolean verbose() {
        return display.verbose;
    }

    OnExists onExistsMode() {
        try {
            return OnExists.valueOf(output.onExists.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--on-exists must be rename, skip, overwrite or fail, not '" + output.onExists + "'");
        }
    }
}
