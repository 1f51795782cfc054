package dev.haul.cli.output;

import java.nio.file.Path;

/** The path printed for a saved file: the directory as the user gave it, joined with the name. */
public final class ShownPaths {
    private ShownPaths() {}

    /** @param dirAsGiven the -d value as typed, or null for the current directory (then the bare name) */
    public static String of(String dirAsGiven, Path saved) {
        String name = saved.getFileName().toString();
        if (dirAsGiven == null) return name;
        return Path.of(dirAsGiven).resolve(name).toString();
    }
}
