package dev.haul.cli.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the demo server serves, by name, in the order the demo downloads it. */
public final class Catalogue {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    /**
     * The demo's own files: a few quick ones, some at 1 to 4 MiB/s, one slow enough to cancel by
     * hand, one that always fails and one redirect. The slow one comes early so it is running
     * while the others come and go.
     */
    private static final Catalogue STANDARD = of(List.of(
            new Resource.Synthetic("readme.txt", 20 * KIB, 1 * MIB),
            new Resource.Synthetic("photo.jpg", 2 * MIB, 4 * MIB),
            new Resource.Synthetic("slow-video.mkv", 12 * MIB, 512 * KIB),
            new Resource.Synthetic("album.zip", 8 * MIB, 3 * MIB),
            new Resource.Synthetic("dataset.csv", 6 * MIB, 1 * MIB),
            new Resource.Failing("broken.iso", 500),
            new Resource.Redirect("latest.tar.gz", "release-1.2.tar.gz"),
            new Resource.Synthetic("release-1.2.tar.gz", 3 * MIB, 2 * MIB)));

    private final Map<String, Resource> byName;

    private Catalogue(Map<String, Resource> byName) {
        this.byName = byName;
    }

    public static Catalogue standard() {
        return STANDARD;
    }

    /** Names must be unique and every redirect must lead to a name in the list. */
    public static Catalogue of(List<? extends Resource> resources) {
        Map<String, Resource> byName = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (byName.putIfAbsent(r.name(), r) != null) throw new IllegalArgumentException("duplicate name: " + r.name());
        }
        for (Resource r : resources) {
            if (r instanceof Resource.Redirect redirect && !byName.containsKey(redirect.target())) {
                throw new IllegalArgumentException(r.name() + " redirects to " + redirect.target() + ", which is not in the catalogue");
            }
        }
        return new Catalogue(byName);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<Resource> resources() {
        return List.copyOf(byName.values());
    }

    /** The resource served at {@code name}, or null. */
    Resource find(String name) {
        return byName.get(name);
    }

    /** The file a GET of {@code name} ends with, following redirects; null for a failing name. */
    public Resource.Synthetic contentOf(String name) {
        List<String> seen = new ArrayList<>();
        Resource r = byName.get(name);
        while (r instanceof Resource.Redirect redirect) {
            if (seen.contains(redirect.name())) throw new IllegalArgumentException("redirect loop at " + redirect.name());
            seen.add(redirect.name());
            r = byName.get(redirect.target());
        }
        if (r == null) throw new IllegalArgumentException("not in the catalogue: " + name);
        return r instanceof Resource.Synthetic file ? file : null;
    }

    /** The SHA-256 (hex) of the bytes a GET of {@code name} ends with. */
    public String sha256(String name) {
        Resource.Synthetic file = contentOf(name);
        if (file == null) throw new IllegalArgumentException(name + " has no content: it always fails");
        return SyntheticBytes.of(file).sha256();
    }
}
