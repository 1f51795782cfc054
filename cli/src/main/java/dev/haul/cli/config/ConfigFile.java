package dev.haul.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the syntax of a config file, one setting a line:
 * <pre>
 * # comment (only as a whole line: values may hold '#')
 * jobs = 16
 * header = X-Team: downloads
 * insecure            # NOT a comment here: write comments on their own lines
 * user-agent = "  spaces kept inside double quotes  "
 * </pre>
 * A name is a long option without its dashes; a bare name turns a flag on. Blank lines are ignored.
 */
public final class ConfigFile {
    private static final Pattern SETTING = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)\\s*(?:=(.*))?");

    private ConfigFile() {}

    /** The settings of {@code file}; none when it does not exist. */
    public static List<ConfigLine> read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ConfigException(file, "cannot read the config file (" + e.getClass().getSimpleName() + "); --no-config ignores it");
        }
        return parse(file, text);
    }

    static List<ConfigLine> parse(Path file, String text) {
        List<ConfigLine> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            lines.add(setting(file, i + 1, line));
        }
        return lines;
    }

    /** "jobs = 4", "jobs=4" or "jobs 4" (a command line's option without its dashes) as "jobs = 4". */
    private static String withoutDashes(String rest) {
        Matcher m = SETTING.matcher(rest);
        if (m.matches() && m.group(2) != null) return m.group(1) + " = " + m.group(2).strip();
        Matcher spaced = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)\\s+(.*)").matcher(rest);
        if (spaced.matches()) return spaced.group(1) + " = " + spaced.group(2).strip();
        return rest;
    }

    private static ConfigLine setting(Path file, int number, String line) {
        if (line.startsWith("-")) {
            String hint = withoutDashes(line.replaceFirst("^-+", ""));
            throw new ConfigException(file, number, "write settings as 'name = value', without dashes: '" + hint + "'");
        }
        Matcher m = SETTING.matcher(line);
        if (!m.matches()) {
            throw new ConfigException(file, number, "expected 'name = value' (a long option without its dashes), not '" + line + "'");
        }
        String value = m.group(2);
        if (value != null) {
            value = value.strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
        }
        return new ConfigLine(number, m.group(1), value);
    }
}
