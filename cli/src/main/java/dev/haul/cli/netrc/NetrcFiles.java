package dev.haul.cli.netrc;

import dev.haul.core.HostCredentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Consumer;

/** Reads the .netrc file that {@code --netrc} or {@code --netrc-file} names, and warns when others may read it. */
public final class NetrcFiles {
    private NetrcFiles() {}

    /**
     * @param file     the file to read
     * @param required true for {@code --netrc-file}: a missing file is then an error; {@code --netrc}
     *                 without a ~/.netrc simply has no credentials, as in curl
     * @param warnings receives a one-line warning when group or others may read the file
     * @throws IOException when the file cannot be read (or, if required, does not exist)
     */
    public static HostCredentials load(Path file, boolean required, Consumer<String> warnings) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (required) throw e;
            return HostCredentials.NONE;
        }
        if (readableByOthers(file)) {
            warnings.accept("warning: " + file + " can be read by other users; its passwords should be yours alone (chmod 600 " + file + ")");
        }
        return Netrc.parse(text);
    }

    /** True when the group or others may read the file; false where permissions are not POSIX. */
    static boolean readableByOthers(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return false;
        }
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
    }
}
