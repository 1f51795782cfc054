package dev.haul.cli;

import picocli.CommandLine.Option;

/** When an attempt gives up, and how often it is tried again. */
final class RetryOptions {
    @Option(names = "--retries", paramLabel = "N", defaultValue = "5", description = "Retries of a failed attempt. Default: ${DEFAULT-VALUE}.")
    int retries;

    @Option(names = "--connect-timeout", paramLabel = "SEC", defaultValue = "10", description = "Connect budget in seconds. Default: ${DEFAULT-VALUE}.")
    double connectTimeout;

    @Option(names = "--stall-timeout", paramLabel = "SEC", defaultValue = "30",
            description = "Fail an attempt after this many seconds without body bytes. Default: ${DEFAULT-VALUE}.")
    double stallTimeout;
}
