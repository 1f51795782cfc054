package dev.haul.cli;

import picocli.CommandLine.Option;

/** Where the bytes go and what they must be. */
final class OutputOptions {
    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", description = "Save into DIR (created if missing). Default: the current directory.")
    String dir;

    @Option(names = {"-o", "--output"}, paramLabel = "NAME",
            description = "Save the single URL as NAME; '-' writes the body to standard output.")
    String output;

    @Option(names = "--on-exists", paramLabel = "MODE", defaultValue = "rename",
            description = "When NAME exists: rename (save as NAME.1, NAME.2, ...), skip, overwrite or fail. Default: ${DEFAULT-VALUE}.")
    String onExists;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected SHA-256 of the single URL's body; a mismatch fails it.")
    String sha256;
}
