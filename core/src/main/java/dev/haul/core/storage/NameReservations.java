package dev.haul.core.storage;

import dev.haul.core.OnExists;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides the final name of each download in the output directory, so that two transfers of
 * one run never share a name (or a {@code .part}) and an existing file is treated as
 * {@code --on-exists} says. Loop-confined.
 */
public final class NameReservations {
    /** What to do with a download whose preferred name is known. */
    public sealed interface Decision {
        /** Download into {@code name}.part, then promote to {@code name}. */
        record Use(String name, boolean replace) implements Decision {}
        /** The file exists and --on-exists skip keeps it. */
        record Skip(String name) implements Decision {}
        /**
         * The file exists and --on-exists fail refuses it; or a directory has the name, which no
         * mode but rename can get past (skip would list a directory as a saved file; overwrite
         * would fetch the whole body only to fail at the rename).
         */
        record Refuse(String name, OnExists mode, boolean directory) implements Decision {
            public Refuse(String name) {
                this(name, OnExists.FAIL, false);
            }

            /** The one line the failure shows. */
            public String message() {
                if (directory) {
                    return name + " is a directory (--on-exists " + mode.name().toLowerCase(java.util.Locale.ROOT)
                            + "; rename would save as " + TargetNames.numbered(name, 1) + ")";
                }
                return name + " already exists (--on-exists fail)";
            }
        }
    }

    private final Path dir;
    private final OnExists mode;
    private final Set<String> taken = new HashSet<>();
    private final OpenParts openParts;
    private final Durability durability;

    public NameReservations(Path dir, OnExists mode) {
        this(dir, mode, OpenParts.unlimited());
    }

    /** @param openParts the budget of open .part descriptors of the transfers writing into {@code dir} */
    public NameReservations(Path dir, OnExists mode, OpenParts openParts) {
        this(dir, mode, openParts, Durability.system());
    }

    /** @param durability how the bytes written into {@code dir} are forced to the disk (a recorder in tests) */
    public NameReservations(Path dir, OnExists mode, OpenParts openParts, Durability durability) {
        this.dir = dir;
        this.mode = mode;
        this.openParts = openParts;
        this.durability = durability;
    }

    public Durability durability() {
        return durability;
    }

    public OpenParts openParts() {
        return openParts;
    }

    /** Reserves a name for a download that prefers {@code preferred}; release it when the transfer ends. */
    public Decision reserve(String preferred) {
        boolean onDisk = exists(preferred);
        boolean inRun = taken.contains(preferred);
        if (!onDisk && !inRun) {
            taken.add(preferred);
            return new Decision.Use(preferred, false);
        }
        if (onDisk && !inRun && mode != OnExists.RENAME && Files.isDirectory(dir.resolve(preferred), LinkOption.NOFOLLOW_LINKS)) {
            return new Decision.Refuse(preferred, mode, true);
        }
        if (onDisk && !inRun) {
            switch (mode) {
                case SKIP: return new Decision.Skip(preferred);
                case FAIL: return new Decision.Refuse(preferred);
                case OVERWRITE:
                    taken.add(preferred);
                    return new Decision.Use(preferred, true);
                case RENAME: break;
            }
        }
        return new Decision.Use(nextFree(preferred, 1), false);
    }

    /**
     * Claims {@code name} for a transfer that wants to continue {@code name.part} from an earlier
     * run: only when no transfer of this run holds it and no finished file has it.
     */
    public boolean claimForResume(String name) {
        if (taken.contains(name) || exists(name)) return false;
        taken.add(name);
        return true;
    }

    /**
     * Claims {@code name}, which exists on disk, for a transfer that replaces it (-N found a newer
     * version): only when no other transfer of this run holds it.
     */
    public boolean claimToReplace(String name) {
        return taken.add(name);
    }

    /** After a lost race for {@code current} at promotion time: the next free numbered name. */
    public String renameAfterConflict(String preferred, String current) {
        taken.remove(current);
        return nextFree(preferred, 1);
    }

    public void release(String name) {
        taken.remove(name);
    }

    private String nextFree(String preferred, int from) {
        for (int n = from; ; n++) {
            String candidate = TargetNames.numbered(preferred, n);
            if (!taken.contains(candidate) && !exists(candidate)) {
                taken.add(candidate);
                return candidate;
            }
        }
    }

    private boolean exists(String name) {
        return Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    public Path dir() {
        return dir;
    }
}
