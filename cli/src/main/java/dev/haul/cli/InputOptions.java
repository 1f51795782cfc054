package dev.haul.cli;


/** Where the URLs come from, besides the arguments. */
final class InputOptions {
    String inputFile;

    /** --mirror: more sources of the single URL given. */
    java.util.List<String> mirrors = new java.util.ArrayList<>();
}
