package dev.haul.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The SHA-256 of a body, fed chunk by chunk on the loop while it is saved. When an attempt
 * continues saved bytes, the earlier bytes were never fed: then the whole file is hashed on a
 * thread of its own, since reading a large file must not hold up the loop.
 */
final class BodyDigest {
    private static final ExecutorService HASHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "haul-sha256");
        t.setDaemon(true);
        return t;
    });

    private final MessageDigest md = newDigest();
    private boolean whole;

    /** A new attempt writes from {@code offset}: from zero the digest can follow the whole body. */
    void restartAt(long offset) {
        md.reset();
        whole = offset == 0;
    }

    /** The body arrives in pieces out of order (segments): only a hash of the whole file will do. */
    void giveUp() {
        whole = false;
    }

    void update(ByteBuffer chunk) {
        if (whole) md.update(chunk);
    }

    boolean coversWholeBody() {
        return whole;
    }

    String hex() {
        return HexFormat.of().formatHex(md.digest());
    }

    static CompletableFuture<String> ofFile(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            MessageDigest d = newDigest();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                int n;
                while ((n = in.read(buf)) > 0) d.update(buf, 0, n);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return HexFormat.of().formatHex(d.digest());
        }, HASHER);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
