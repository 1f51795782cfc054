package dev.haul.cli;

import picocli.CommandLine.Option;

/** Where the URLs come from, besides the arguments. */
final class InputOptions {
    @Option(names = {"-i", "--input-file"}, paramLabel = "FILE",
            description = "Read URLs from FILE, one per line ('-' for standard input). Lines may add out=NAME and sha256=HEX.")
    String inputFile;
}
