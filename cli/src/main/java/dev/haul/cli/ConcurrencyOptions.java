package dev.haul.cli;

import picocli.CommandLine.Option;

/** How much runs at once, and how fast. */
final class ConcurrencyOptions {
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
}
