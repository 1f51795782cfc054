package dev.haul.core;

import java.nio.file.Path;

/**
 * Certificate verification: the system trust store, plus {@code extraCaFile} (PEM) when given;
 * {@code insecure} turns verification of certificates and host names off.
 */
public record TlsSettings(Path extraCaFile, boolean insecure) {
    public static final TlsSettings DEFAULT = new TlsSettings(null, false);
}
