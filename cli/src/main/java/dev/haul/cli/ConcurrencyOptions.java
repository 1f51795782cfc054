package dev.haul.cli;


/** How much runs at once, and how fast. */
final class ConcurrencyOptions {
    int jobs;

    int perHost;

    int connections;

    String limitRate;
}
