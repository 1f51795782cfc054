package dev.haul.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which certificates are trusted. */
final class TlsOptions {
    @Option(names = "--cacert", paramLabel = "FILE", description = "Also trust the certificates in this PEM file.")
    Path cacert;

    @Option(names = {"-k", "--insecure"}, description = "Do not verify TLS certificates or host names.")
    boolean insecure;
}
