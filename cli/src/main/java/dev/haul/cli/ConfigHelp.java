package dev.haul.cli;

import dev.haul.cli.config.ConfigDefaults;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@code haul --help} that shows what the config file sets: every line of it, as
 * the defaults this run would use (secrets masked), so that help never claims a default the file
 * changed ("dir = ..." is shown even though --dir's own text says the current directory).
 */
final class ConfigHelp {
    private static final String SECTION = "configDefaults";

    private ConfigHelp() {}

    static void addSection(CommandLine cli, Path file, ConfigDefaults config) {
        List<String> shown = config.shown();
        if (shown.isEmpty()) return;
        StringBuilder text = new StringBuilder("%nDefaults from the config file ").append(escape(file.toString())).append(":%n");
        for (String line : shown) text.append("  ").append(escape(line)).append("%n");
        String rendered = text.toString();
        List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
        int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
        keys.add(at < 0 ? keys.size() : at, SECTION);
        cli.getHelpSectionMap().put(SECTION, help -> help.createHeading(rendered));
        cli.setHelpSectionKeys(keys);
    }

    /** Config values are shown as written: a '%' in one must not be read as a format. */
    private static String escape(String s) {
        return s.replace("%", "%%");
    }
}
