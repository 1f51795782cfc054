package dev.haul.cli.config;

import dev.haul.cli.CommandSuggestion;
import dev.haul.core.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config file's settings as picocli default values: an option given on the command line
 * wins, one not given takes the file's value. A repeatable option ({@code header}) may have many
 * lines; they are all used unless the command line gives that option, which then replaces them.
 */
public final class ConfigDefaults implements IDefaultValueProvider {
    private static final Set<String> NOT_SETTABLE = Set.of("--help", "--version", "--no-config");

    /** Checks one setting as if it were the only option given: throws with a message when it is unusable. */
    @FunctionalInterface
    public interface Check {
        void check(List<String> args);
    }

    private final CommandSpec spec;
    private final Map<OptionSpec, List<String>> values;

    private ConfigDefaults(CommandSpec spec, Map<OptionSpec, List<String>> values) {
        this.spec = spec;
        this.values = values;
    }

    /**
     * @param check runs each line's option alone through the whole command-line check, so that a
     *              value haul would refuse is reported with the file and the line
     */
    public static ConfigDefaults of(Path file, List<ConfigLine> lines, CommandSpec spec, Check check) {
        Map<OptionSpec, List<String>> values = new LinkedHashMap<>(); // in the file's order, for --help
        Map<OptionSpec, Integer> firstLine = new HashMap<>();
        for (ConfigLine line : lines) {
            OptionSpec option = option(spec, line.name());
            if (option == null) throw new ConfigException(file, line.number(), "unknown option '" + line.name() + "'" + nearest(spec, line.name()));
            if (NOT_SETTABLE.contains(option.longestName())) {
                throw new ConfigException(file, line.number(), "'" + line.name() + "' cannot be set in a config file");
            }
            String value = value(file, line, option);
            Integer earlier = firstLine.putIfAbsent(option, line.number());
            if (earlier != null && !option.isMultiValue()) {
                throw new ConfigException(file, line.number(), "'" + line.name() + "' is already set on line " + earlier);
            }
            try {
                check.check(args(option, value));
            } catch (RuntimeException e) {
                throw new ConfigException(file, line.number(), e.getMessage());
            }
            values.computeIfAbsent(option, o -> new ArrayList<>()).add(value);
        }
        return new ConfigDefaults(spec, values);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.command() != spec || option.isMultiValue()) return null;
        List<String> v = values.get(option);
        return v == null ? null : v.get(0);
    }

    /**
     * Gives the repeatable options that the command line left out their config values: picocli's
     * default values hold one value only. Call after parsing.
     */
    public void applyLists(CommandLine.ParseResult parsed) {
        for (Map.Entry<OptionSpec, List<String>> e : values.entrySet()) {
            OptionSpec option = e.getKey();
            if (option.isMultiValue() && !parsed.hasMatchedOption(option)) {
                option.setValue(new ArrayList<>(e.getValue()));
            }
        }
    }

    /**
     * The settings as {@code --help} lists them ("dir = /home/me/Downloads"), in the file's order,
     * secrets masked: credentials, credential headers and a proxy's user info.
     */
    public List<String> shown() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<OptionSpec, List<String>> e : values.entrySet()) {
            String name = e.getKey().longestName().substring(2);
            for (String v : e.getValue()) lines.add(name + " = " + masked(name, v));
        }
        return lines;
    }

    private static String masked(String name, String value) {
        switch (name) {
            case "user": return "***";
            case "header": return Secrets.maskHeaderLine(value);
            case "proxy": {
                int at = value.lastIndexOf('@');
                if (at < 0) return value;
                int scheme = value.indexOf("://");
                return (scheme >= 0 && scheme < at ? value.substring(0, scheme + 3) : "") + "***" + value.substring(at);
            }
            default: return value;
        }
    }

    /** True when the file turns this flag on (for settings read before parsing, such as logging). */
    public boolean flag(String longName) {
        OptionSpec option = spec.findOption(longName);
        List<String> v = option == null ? null : values.get(option);
        return v != null && Boolean.parseBoolean(v.get(0));
    }

    /** "; did you mean 'jobs'?" for a near miss of an option's name, else a pointer to --help. */
    private static String nearest(CommandSpec spec, String name) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.longestName().startsWith("--") && !NOT_SETTABLE.contains(o.longestName())) names.add(o.longestName().substring(2));
        }
        return CommandSuggestion.nearest(name, names).map(n -> "; did you mean '" + n + "'?").orElse(" (see haul --help)");
    }

    private static OptionSpec option(CommandSpec spec, String name) {
        for (OptionSpec option : spec.options()) {
            for (String n : option.names()) {
                if (n.equals("--" + name)) return option;
            }
        }
        return null;
    }

    private static String value(Path file, ConfigLine line, OptionSpec option) {
        boolean flag = option.arity().max() == 0;
        if (flag) {
            if (line.value() == null) return "true";
            if (line.value().equals("true") || line.value().equals("false")) return line.value();
            throw new ConfigException(file, line.number(), "'" + line.name() + "' is a flag: write '" + line.name() + "' or '"
                    + line.name() + " = true' or 'false'");
        }
        if (line.value() == null) throw new ConfigException(file, line.number(), "'" + line.name() + "' needs a value: '" + line.name() + " = ...'");
        return line.value();
    }

    private static List<String> args(OptionSpec option, String value) {
        if (option.arity().max() == 0) return value.equals("true") ? List.of(option.longestName()) : List.of();
        return List.of(option.longestName(), value);
    }
}
