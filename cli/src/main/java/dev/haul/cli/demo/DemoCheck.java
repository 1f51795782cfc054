package dev.haul.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks that a demo run went as designed: every file that can be saved is there with the right
 * SHA-256, and the one that fails on purpose left no file. Then the demo itself succeeded.
 */
final class DemoCheck {
    private DemoCheck() {}

    /** Files verified, or -1 when anything is missing, wrong, or saved that should not be. */
    static int verify(Catalogue catalogue, Path dir) {
        int verified = 0;
        for (Resource r : catalogue.resources()) {
            Path file = dir.resolve(r.name());
            if (r instanceof Resource.Failing) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return -1;
                continue;
            }
            if (!catalogue.sha256(r.name()).equals(sha256(file))) return -1;
            verified++;
        }
        return verified;
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
