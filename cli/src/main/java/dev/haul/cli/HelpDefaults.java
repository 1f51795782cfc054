package dev.haul.cli;

import dev.haul.cli.config.ConfigDefaults;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * The defaults that help, the man page and completion show: the config file's when it sets one,
 * else words for the options whose built-in default is "none" (picocli would print "null").
 * Only for a model that prints help, never for one that parses a download.
 */
final class HelpDefaults implements IDefaultValueProvider {
    private static final Map<String, String> IN_WORDS = Map.of(
            "--dir", "the current directory",
            "--limit-rate", "no cap",
            "--user-agent", "haul/VERSION");

    private final ConfigDefaults config;

    /** @param config the config file's settings, or null */
    HelpDefaults(ConfigDefaults config) {
        this.config = config;
    }

    @Override
    public String defaultValue(ArgSpec arg) throws Exception {
        String configured = config == null ? null : config.defaultValue(arg);
        if (configured != null) return configured;
        return arg instanceof OptionSpec option ? IN_WORDS.get(option.longestName()) : null;
    }
}
