package dev.haul.cli;


/** How much runs at once, and how fast. */
final class ConcurrencyOptions {
    int jobs;

    int perHost;

    /** -x: at least 1, 0 for auto, -1 for text that is neither (a usage error). */
    int connections;

    String limitRate;
}
