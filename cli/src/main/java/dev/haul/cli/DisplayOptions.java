package dev.haul.cli;

import picocli.CommandLine.Option;

/** What haul prints. */
final class DisplayOptions {
    @Option(names = "--json", description = "Print one JSON event per line on stdout instead of saved paths.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more detail, and stack traces for internal errors.")
    boolean verbose;
}
