package dev.haul.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.OpenOption;
import java.util.Set;

/**
 * The bytes of a download in progress, in {@code NAME.part} beside the final name. Written with
 * positional writes straight from the network buffers; promoted to the final name only when
 * complete. Loop-confined.
 */
public final class PartFile implements AutoCloseable {
    public static final String SUFFIX = ".part";

    private final Path path;
    private final OpenParts openParts;
    /** Null while closed for room (see {@link OpenParts}) or after {@link #close}. */
    private FileChannel channel;
    private boolean closed;
    /** What closing the descriptor for room reported (a late write error of NFS, a quota): reported at the next use. */
    private IOException closeError;
    private long length;

    private PartFile(Path path, FileChannel channel, long length, OpenParts openParts) {
        this.path = path;
        this.channel = channel;
        this.length = length;
        this.openParts = openParts;
        openParts.used(this);
    }

    /**
     * Opens {@code NAME.part} for writing from zero. A symbolic link there is removed, never followed:
     * the file is always created anew by us, inside the directory.
     */
    public static PartFile startFresh(Path partPath) throws IOException {
        return startFresh(partPath, OpenParts.unlimited());
    }

    /** As {@link #startFresh(Path)}, its descriptor counted in {@code openParts}. */
    public static PartFile startFresh(Path partPath, OpenParts openParts) throws IOException {
        FileChannel ch;
        try {
            ch = openFresh(partPath);
        } catch (IOException e) {
            // O_NOFOLLOW refuses a link at the name: remove the link (never its target) and try once more.
            if (!Files.isSymbolicLink(partPath)) throw e;
            Files.delete(partPath);
            ch = openFresh(partPath);
        }
        return new PartFile(partPath, ch, 0, openParts);
    }

    private static FileChannel openFresh(Path partPath) throws IOException {
        return FileChannel.open(partPath, Set.<OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Opens an existing {@code NAME.part} to continue it at its current length. Empty when there is
     * none, or it is not a regular file (a link is never followed).
     */
    public static java.util.Optional<PartFile> openExisting(Path partPath) throws IOException {
        return openExisting(partPath, OpenParts.unlimited());
    }

    /** As {@link #openExisting(Path)}, its descriptor counted in {@code openParts}. */
    public static java.util.Optional<PartFile> openExisting(Path partPath, OpenParts openParts) throws IOException {
        if (!Files.isRegularFile(partPath, LinkOption.NOFOLLOW_LINKS)) return java.util.Optional.empty();
        FileChannel ch = openForWriting(partPath);
        return java.util.Optional.of(new PartFile(partPath, ch, ch.size(), openParts));
    }

    private static FileChannel openForWriting(Path partPath) throws IOException {
        return FileChannel.open(partPath, Set.<OpenOption>of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * The channel, opened again if it was closed for room: the same name, never through a link and
     * never created (a .part that vanished meanwhile is an error, not a new empty file).
     */
    private FileChannel channel() throws IOException {
        if (closed) throw new java.nio.channels.ClosedChannelException();
        if (closeError != null) throw closeError;
        if (channel == null) {
            channel = openForWriting(path);
            openParts.countReopen();
        }
        openParts.used(this);
        return channel;
    }

    /** Closes the descriptor to make room for another .part's; the next write opens it again. */
    void closeForNow() {
        FileChannel c = channel;
        channel = null;
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            closeError = e; // the bytes may not all be there: the next write, or the promotion, fails with it
        }
    }

    /** Cuts the file back to {@code length} bytes (a restart from zero, or an untrusted tail). */
    public void truncate(long newLength) throws IOException {
        channel().truncate(newLength);
        length = newLength;
    }

    /** Length of an existing part file without opening it for writing; -1 when there is none. */
    public static long existingLength(Path partPath) {
        // The usual answer, "none", without the exception NIO's lstat throws for a missing file
        // (thousands of small files pay for each): java.io follows links, so a dangling link also
        // says no, rightly, and anything that exists gets the careful look below.
        if (!partPath.toFile().exists()) return -1;
        try {
            return Files.isRegularFile(partPath, LinkOption.NOFOLLOW_LINKS) ? Files.size(partPath) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    public static Path partPathFor(Path finalPath) {
        return finalPath.resolveSibling(finalPath.getFileName() + SUFFIX);
    }

    public Path path() {
        return path;
    }

    /** Bytes written so far (the highest offset reached). */
    public long length() {
        return length;
    }

    /** Writes the whole buffer at {@code position}. Page-cache writes: fast enough for the loop. */
    public void write(ByteBuffer src, long position) throws IOException {
        long pos = position;
        FileChannel c = channel();
        while (src.hasRemaining()) {
            pos += c.write(src, pos);
        }
        if (pos > length) length = pos;
    }

    /** Appends at the current end. */
    public void append(ByteBuffer src) throws IOException {
        write(src, length);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        openParts.closed(this);
        FileChannel c = channel;
        channel = null;
        if (c != null && c.isOpen()) c.close();
        if (closeError != null) throw closeError;
    }

    /**
     * Gives the complete file its final name atomically. Without {@code replace}, an existing file
     * is never touched: a hard link claims the name (failing if it exists), then the part name goes.
     *
     * @throws FileAlreadyExistsException when the name is taken and {@code replace} is false
     */
    public void promote(Path target, boolean replace) throws IOException {
        close();
        if (replace) {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            Files.createLink(target, path);
            if (!path.toFile().delete()) Files.delete(path); // plain unlink; NIO's delete would lstat first
        } catch (UnsupportedOperationException | AtomicMoveNotSupportedException e) {
            // No hard links on this file system: check, then rename (a narrow race, but no partial file ever shows).
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(target.toString());
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Operation not permitted")) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(target.toString());
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            throw e;
        }
    }
}
