package dev.haul.cli;


/** Where the URLs come from, besides the arguments. */
final class InputOptions {
    String inputFile;
}
