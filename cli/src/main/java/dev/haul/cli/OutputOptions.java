package dev.haul.cli;


/** Where the bytes go and what they must be. */
final class OutputOptions {
    String dir;

    String output;

    String onExists;

    String sha256;

    /** -0: saved paths end with NUL. */
    boolean nul;
}
