package dev.haul.core.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the record of a directory's saved files lives: outside the directory, so that DIR holds
 * only what the user asked for (a script that lists DIR, or checks it against a manifest, sees no
 * file of haul's), under {@code $XDG_STATE_HOME/haul/saved/} (else {@code ~/.local/state/haul/saved/}),
 * one file per directory, named after a hash of the directory's real path.
 */
public final class RecordsHome {
    private RecordsHome() {}

    /** The record file of {@code dir}, in the state folder of this user. */
    public static Path fileFor(Path dir) {
        return fileFor(dir, stateHome());
    }

    /** The record file of {@code dir} under {@code stateHome} (tests give their own). */
    public static Path fileFor(Path dir, Path stateHome) {
        return stateHome.resolve("haul").resolve("saved").resolve(hash(realPath(dir)) + ".tsv");
    }

    /** {@code $XDG_STATE_HOME} when set and absolute, else {@code ~/.local/state} (user.home, as the JVM sees it). */
    static Path stateHome() {
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg);
        return Path.of(System.getProperty("user.home"), ".local", "state");
    }

    /** The directory's real path when it exists (links resolved), else its absolute form: the same DIR gives the same file. */
    private static String realPath(Path dir) {
        try {
            return dir.toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return dir.toAbsolutePath().normalize().toString();
        }
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
