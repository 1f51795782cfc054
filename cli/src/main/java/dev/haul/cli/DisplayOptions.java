package dev.haul.cli;


/** What haul prints. */
final class DisplayOptions {
    boolean json;

    boolean quiet;

    boolean verbose;
}
