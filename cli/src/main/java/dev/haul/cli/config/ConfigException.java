package dev.haul.cli.config;

import java.nio.file.Path;

/** A config line haul cannot use: the message names the file and the line. */
public final class ConfigException extends RuntimeException {
    public ConfigException(Path file, int line, String why) {
        super(file + ", line " + line + ": " + why);
    }

    public ConfigException(Path file, String why) {
        super(file + ": " + why);
    }
}
