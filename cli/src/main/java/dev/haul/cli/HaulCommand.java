package dev.haul.cli;

import dev.haul.cli.config.ConfigDefaults;
import dev.haul.core.OnExists;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/**
 * The options of {@code haul} (the model picocli parses them with is {@link CommandModel}'s),
 * grouped by purpose. A thin adapter: {@link Session} does the work.
 */
public final class HaulCommand implements Callable<Integer> {
    List<String> urls = new ArrayList<>();
    boolean noConfig;
    final InputOptions input = new InputOptions();
    final OutputOptions output = new OutputOptions();
    final ConcurrencyOptions concurrency = new ConcurrencyOptions();
    final HttpOptions http = new HttpOptions();
    final TlsOptions tls = new TlsOptions();
    final ProxyOptions proxy = new ProxyOptions();
    final RetryOptions retry = new RetryOptions();
    final DisplayOptions display = new DisplayOptions();
    final QueueOptions queue = new QueueOptions();

    /** The model this command was parsed with (see {@link #commandLine}). */
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

    /**
     * A command line for this command: {@code grouped} for help, man page and completion (the
     * options in their sections), plain for a run (the same parsing, less to build).
     */
    public CommandLine commandLine(boolean grouped) {
        return CommandModel.commandLine(this, grouped);
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
        return prepare(IntUnaryOperator.identity());
    }

    /** As {@link #prepare()}; {@code finalStatus} may change the exit status before the summary reports it. */
    public IntSupplier prepare(IntUnaryOperator finalStatus) {
        Settings settings = settings();
        return () -> new Session(settings, streams, finalStatus).run();
    }

    /** The parsed options (with the config file's repeatable options filled in), checked. */
    Settings settings() {
        if (config != null && spec != null) config.applyLists(spec.commandLine().getParseResult());
        if (spec != null) CommandModel.copyValues(spec, this);
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
