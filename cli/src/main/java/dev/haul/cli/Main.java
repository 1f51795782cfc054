package dev.haul.cli;

import dev.haul.cli.demo.DemoCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: parses the command line and maps every way out to an exit status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Streams streams = Streams.system();
        int status = run(args, streams);
        streams.err().flush();
        System.exit(status);
    }

    static int run(String[] args, Streams streams) {
        configureLogging(args);
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
