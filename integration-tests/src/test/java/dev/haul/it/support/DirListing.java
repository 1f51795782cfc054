package dev.haul.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What a user sees with {@code ls DIR}: the names of the entries directly inside it. */
public final class DirListing {
    private DirListing() {}

    public static Set<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            entries.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> partFiles(Path dir) {
        Set<String> parts = new TreeSet<>();
        for (String name : names(dir)) {
            if (name.endsWith(".part")) {
                parts.add(name);
            }
        }
        return parts;
    }
}
