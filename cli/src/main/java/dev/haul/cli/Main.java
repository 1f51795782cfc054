package dev.haul.cli;

import dev.haul.cli.config.ConfigDefaults;
import dev.haul.cli.config.ConfigException;
import dev.haul.cli.config.ConfigFile;
import dev.haul.cli.config.ConfigLine;
import dev.haul.cli.demo.DemoCommand;
import dev.haul.core.DownloadEngine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Entry point: parses the command line (over the config file's defaults) and maps every way out to an exit status. */
public final class Main {
    /** Stands in for the URL when one config line is checked on its own. */
    private static final String PROBE_URL = "http://config-check.invalid/";

    private Main() {}

    public static void main(String[] args) {
        Streams streams = Streams.system();
        int status = run(args, streams, Environment.system(), !asksForHelp(args));
        streams.err().flush();
        // Exiting while the warm-up is still loading Netty's native library could leave its copy in /tmp.
        DownloadEngine.awaitWarmUp();
        System.exit(status);
    }

    static int run(String[] args, Streams streams, Environment env) {
        return run(args, streams, env, false);
    }

    /**
     * @param warmUp start Netty's set-up on a second thread first, to overlap the command line's
     *               parsing (a run that only prints help gains nothing from it)
     */
    static int run(String[] args, Streams streams, Environment env, boolean warmUp) {
        if (warmUp) {
            // slf4j-simple reads its settings once, when the first logger is made, on whichever
            // thread: they are set before Netty starts making loggers on the warm-up thread.
            configureLogging(args, verboseInConfig(args, env));
            DownloadEngine.warmUp();
        }
        CommandLine cli;
        try {
            cli = commandLine(args, streams, env, true);
        } catch (ConfigException e) {
            if (!asksOnlyForHelpOrVersion(args, env)) {
                streams.err().println("haul: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            // Help and the version must work even so: they are how a user finds out what to write.
            streams.err().println("haul: warning: " + e.getMessage() + " (the file is ignored for this)");
            cli = commandLine(args, streams, env, false);
        }
        HaulCommand command = cli.getCommand();
        configureLogging(args, cli.getDefaultValueProvider() instanceof ConfigDefaults config && config.flag("--verbose"));
        cli.setParameterExceptionHandler((ex, a) -> {
            streams.err().println("haul: " + ex.getMessage() + didYouMean(ex) + " (see haul --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UsageException) {
                streams.err().println("haul: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            streams.err().println("haul: internal error: " + ex);
            if (command.verbose()) ex.printStackTrace(streams.err());
            return ExitCodes.SOME_FAILED;
        });
        return cli.execute(args);
    }

    /** Only a guess, for the warm-up: help, usage or version asked for, alone or among short options. */
    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("--help") || a.equals("--version") || (a.startsWith("-") && !a.startsWith("--")
                    && (a.indexOf('h') > 0 || a.indexOf('V') > 0))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the config file turns --verbose on, read ahead of the command line's model for the
     * warm-up's logging set-up: the same answer {@link ConfigDefaults#flag} gives once the file is
     * checked (a file that fails the check ends the run before anything logs).
     */
    private static boolean verboseInConfig(String[] args, Environment env) {
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("--no-config")) return false;
        }
        try {
            boolean verbose = false;
            for (ConfigLine line : ConfigFile.read(env.configFile())) {
                if (line.name().equals("verbose")) verbose = line.value() == null || Boolean.parseBoolean(line.value());
            }
            return verbose;
        } catch (ConfigException e) {
            return false;
        }
    }

    /**
     * The command line for one run, not yet parsed: the config file's settings (unless
     * {@code args} hold --no-config) as default values, and the subcommands.
     *
     * @throws ConfigException when the config file has a line haul cannot use
     */
    static CommandLine commandLine(String[] args, Streams streams, Environment env) {
        return commandLine(args, streams, env, true);
    }

    /** @param withConfig false leaves the config file out (help for a user whose file has a bad line) */
    static CommandLine commandLine(String[] args, Streams streams, Environment env, boolean withConfig) {
        boolean subcommands = asksForHelp(args) || namesASubcommand(args);
        HaulCommand command = new HaulCommand(streams, env);
        boolean help = asksForHelp(args) && printsHaulsHelp(args, env, subcommands);
        CommandLine cli = command.commandLine(help);
        ConfigDefaults config = withConfig ? loadConfig(args, env, cli.getCommandSpec()) : null;
        // Before the subcommands are added: their options (demo's --jobs) keep their own defaults.
        if (help) {
            cli.setDefaultValueProvider(new HelpDefaults(config));
            if (config != null) ConfigHelp.addSection(cli, env.configFile(), config);
        } else if (config != null) {
            cli.setDefaultValueProvider(config);
            command.useConfig(config);
        }
        if (subcommands) {
            completeModel(cli, streams);
        } else {
            setStreams(cli, streams); // a download: the subcommands' models are not worth building
        }
        return cli;
    }

    /**
     * Whether the line really asks for haul's own usage help: only then is the model built with its
     * help sections (options in groups get no default values in picocli when their group is not
     * used, so a download must never be parsed with it). {@link #asksForHelp} only guesses from the
     * letters ({@code -ohello.txt} has an h); a throwaway parse decides.
     */
    private static boolean printsHaulsHelp(String[] args, Environment env, boolean subcommands) {
        CommandLine probe = new HaulCommand(Streams.discarding(), env).commandLine(false);
        if (subcommands) completeModel(probe, Streams.discarding());
        try {
            return probe.parseArgs(args).isUsageHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /** "; did you mean --jobs?" for a mistyped option, as picocli suggests it; else nothing. */
    private static String didYouMean(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)) return "";
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : ex.getCommandLine().getCommandSpec().options()) names.add(o.longestName());
        for (String arg : unmatched.getUnmatched()) {
            if (!arg.startsWith("--")) continue;
            String typed = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String near = CommandSuggestion.nearest(typed, names).orElse(null);
            if (near != null) return "; did you mean " + near + "?";
        }
        return "";
    }

    /** Whether the line asks for help, the version or a completion script, so that nothing is downloaded. */
    private static boolean asksOnlyForHelpOrVersion(String[] args, Environment env) {
        if (!asksForHelp(args) && !namesASubcommand(args)) return false;
        CommandLine probe = new HaulCommand(Streams.discarding(), env).commandLine(false);
        completeModel(probe, Streams.discarding());
        try {
            for (CommandLine c : probe.parseArgs(args).asCommandLineList()) {
                if (c.isUsageHelpRequested() || c.isVersionHelpRequested() || c.getCommand() instanceof CompletionCommand) return true;
            }
            return false;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /**
     * Whether an argument is a subcommand's name. Only then (or for help) are the subcommands put
     * in the model: building theirs costs every start-up, and a line without their names parses
     * the same without them.
     */
    private static boolean namesASubcommand(String[] args) {
        for (String a : args) {
            if (a.equals("demo") || a.equals("completion")) return true;
        }
        return false;
    }

    /** The whole command model, as the completion scripts and the man page describe it. */
    public static CommandLine model() {
        Streams none = Streams.discarding();
        CommandLine cli = new HaulCommand(none, new Environment(Map.of(), Path.of(""))).commandLine(true);
        cli.setDefaultValueProvider(new HelpDefaults(null));
        completeModel(cli, none);
        return cli;
    }

    /** Adds the subcommands and the output streams; picocli copies the settings to the subcommands it has then. */
    private static void completeModel(CommandLine cli, Streams streams) {
        cli.addSubcommand("demo", new DemoCommand(streams));
        cli.addSubcommand("completion", new CompletionCommand());
        setStreams(cli, streams);
    }

    private static void setStreams(CommandLine cli, Streams streams) {
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(streams.err(), true));
    }

    /** The config file's defaults; null with --no-config or when there is no file (or nothing in it). */
    static ConfigDefaults loadConfig(String[] args, Environment env, CommandSpec spec) {
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("--no-config")) return null;
        }
        Path file = env.configFile();
        List<ConfigLine> lines = ConfigFile.read(file);
        if (lines.isEmpty()) return null;
        // The environment stays out of the check, so that a bad https_proxy is not blamed on a config line.
        Environment quiet = new Environment(Map.of(), env.home());
        return ConfigDefaults.of(file, lines, spec, optionArgs -> {
            HaulCommand probe = new HaulCommand(Streams.discarding(), quiet);
            List<String> probeArgs = new ArrayList<>(optionArgs);
            probeArgs.add(PROBE_URL);
            try {
                probe.commandLine(false).parseArgs(probeArgs.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new UsageException(e.getMessage());
            }
            probe.settings();
        });
    }

    /** slf4j-simple reads its level once, at first use: set it from -v (or the config file) before anything logs. */
    private static void configureLogging(String[] args, boolean verboseByConfig) {
        boolean verbose = verboseByConfig;
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("-v") || a.equals("--verbose") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('v') > 0 && a.matches("-[a-zA-Z]+") && a.length() <= 5 && a.chars().allMatch(c -> c == '-' || "qvkhV".indexOf(c) >= 0))) {
                verbose = true;
            }
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.netty", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
    }
}
