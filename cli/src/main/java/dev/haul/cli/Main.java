package dev.haul.cli;

import dev.haul.cli.demo.DemoCommand;
import dev.haul.core.DownloadEngine;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: parses the command line and maps every way out to an exit status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Streams streams = Streams.system();
        int status = run(args, streams, !asksForHelp(args));
        streams.err().flush();
        // Exiting while the warm-up is still loading Netty's native library could leave its copy in /tmp.
        DownloadEngine.awaitWarmUp();
        System.exit(status);
    }

    static int run(String[] args, Streams streams) {
        return run(args, streams, false);
    }

    /**
     * @param warmUp start Netty's set-up on a second thread first, to overlap the command line's
     *               parsing (a run that only prints help gains nothing from it)
     */
    static int run(String[] args, Streams streams, boolean warmUp) {
        configureLogging(args);
        if (warmUp) DownloadEngine.warmUp(); // after the logging set-up: Netty creates its loggers as it starts
        HaulCommand command = new HaulCommand(streams);
        CommandLine cli = new CommandLine(command);
        // Added before the settings below, which picocli copies to the subcommands it has then.
        cli.addSubcommand("demo", new DemoCommand(streams));
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(streams.err(), true));
        cli.setParameterExceptionHandler((ex, a) -> {
            streams.err().println("haul: " + ex.getMessage() + " (see haul --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UsageException) {
                streams.err().println("haul: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            streams.err().println("haul: internal error: " + ex);
            if (command.verbose) ex.printStackTrace(streams.err());
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

    /** slf4j-simple reads its level once, at first use: set it from -v before anything logs. */
    private static void configureLogging(String[] args) {
        boolean verbose = false;
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
