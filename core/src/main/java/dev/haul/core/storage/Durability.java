package dev.haul.core.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Forcing bytes to the disk: the one kind of file-system work that takes milliseconds on a real
 * disk, so it never runs on the loop. A {@code .part}'s bytes are forced before the sidecar claims
 * them and before the file gets its final name; the directory is forced after the rename.
 *
 * <p>A file is forced through a descriptor of its own ({@code fsync} acts on the file, not on the
 * descriptor): the {@code .part}'s writing descriptor may be closed for room at any moment
 * (see {@link OpenParts}), and locks are not on the {@code .part} (see {@link PartLocks}), so
 * opening and closing another one costs nothing else. Directory forces are coalesced: a request
 * that finds one queued and not yet started joins it, since that one will cover its rename.
 * Tests replace the disk with a recorder.
 */
public interface Durability {
    /** Forces the file's bytes and length to the disk. Blocking. */
    void force(Path file) throws IOException;

    /** Forces a directory's entries (a rename in it) to the disk. Blocking; best effort where unsupported. */
    void forceDirectory(Path dir) throws IOException;

    /** Where blocking forces run: never the loop. */
    Executor executor();

    /** {@link #force} on the executor; the future completes there. */
    default CompletableFuture<Void> forceLater(Path file) {
        return CompletableFuture.runAsync(() -> {
            try {
                force(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executor());
    }

    /** {@link #forceDirectory} on the executor, joined with one queued and not started yet. */
    CompletableFuture<Void> forceDirectoryLater(Path dir);

    /** The real disk: fsync through {@link FileChannel#force}, on two daemon threads. */
    static Durability system() {
        return SystemDisk.INSTANCE;
    }

    /** The real disk. */
    final class SystemDisk implements Durability {
        static final SystemDisk INSTANCE = new SystemDisk();
        private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "haul-fsync");
            t.setDaemon(true);
            return t;
        });
        private final Map<Path, CompletableFuture<Void>> queuedDirectoryForces = new HashMap<>();

        private SystemDisk() {}

        @Override
        public void force(Path file) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                ch.force(true);
            }
        }

        @Override
        public void forceDirectory(Path dir) throws IOException {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                // some platforms and file systems refuse to open or force a directory: nothing more can be done
            }
        }

        @Override
        public Executor executor() {
            return threads;
        }

        @Override
        public CompletableFuture<Void> forceDirectoryLater(Path dir) {
            synchronized (queuedDirectoryForces) {
                CompletableFuture<Void> queued = queuedDirectoryForces.get(dir);
                if (queued != null) return queued;
                CompletableFuture<Void> force = new CompletableFuture<>();
                queuedDirectoryForces.put(dir, force);
                threads.execute(() -> {
                    synchronized (queuedDirectoryForces) {
                        queuedDirectoryForces.remove(dir); // renames from now on need the next force
                    }
                    try {
                        forceDirectory(dir);
                        force.complete(null);
                    } catch (IOException | RuntimeException e) {
                        force.completeExceptionally(e);
                    }
                });
                return force;
            }
        }
    }
}
