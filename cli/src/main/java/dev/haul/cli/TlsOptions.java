package dev.haul.cli;


import java.nio.file.Path;

/** Which certificates are trusted. */
final class TlsOptions {
    Path cacert;

    boolean insecure;
}
