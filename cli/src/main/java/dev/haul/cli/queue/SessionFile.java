package dev.haul.cli.queue;

import dev.haul.core.DownloadRequest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The {@code --session} file on disk: read once at the start, then replaced whole at each write
 * (a temporary file beside it, written, fsynced, renamed over it, the directory fsynced), so a
 * crash at any moment leaves either the old or the new list, never a torn one. Created readable
 * by its owner only. Any thread but the loop.
 */
public final class SessionFile {
    private final Path path;

    public SessionFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Its lines (empty when it does not exist yet). */
    public List<String> read() throws IOException {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Replaces the file's content with {@code text}, atomically and durably. */
    public void write(String text) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = dir.resolve(path.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // the rename itself survives a power cut
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    /**
     * One request as a list line: {@code URL [out=NAME] [sha256=HEX]}, the URL without user info
     * (credentials come back from -u, --netrc or the config file on the rerun). The list format's
     * only writer: {@link dev.haul.cli.input.UrlListParser} reads it back.
     */
    public static String line(DownloadRequest r) {
        StringBuilder b = new StringBuilder(Shard.withoutUserInfo(r.url()));
        if (r.outName() != null) b.append(" out=").append(r.outName());
        if (r.sha256() != null) b.append(" sha256=").append(r.sha256());
        return b.toString();
    }
}
