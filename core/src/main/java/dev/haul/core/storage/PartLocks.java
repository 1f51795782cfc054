package dev.haul.core.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Tells haul processes apart that write the same {@code NAME.part}: a transfer holds an exclusive
 * lock on NAME while it owns {@code NAME.part}, and a second haul that wants it is told so
 * instead of "resuming" from (or truncating) a file that is still being written.
 *
 * <p>Why not a lock on the {@code .part} itself: Java's file locks are POSIX record locks, dropped
 * when any descriptor of that file in the process closes, and {@link OpenParts} closes and reopens
 * {@code .part} descriptors to stay within its budget. A lock file per transfer would cost a
 * descriptor each, beyond that budget. So every directory has one lock file, opened once per
 * process and never closed while the process lives, and each name locks one byte of it at an
 * offset given by a hash of the name: one descriptor per directory, however many transfers.
 *
 * <p>The lock file lives outside the download directory (nothing but the files and their
 * {@code .part} appear there): in {@code $XDG_RUNTIME_DIR/haul-locks}, else
 * {@code java.io.tmpdir/haul-locks-USER}, named after the directory's identity (device and inode,
 * so two paths to one directory agree). It works between processes of one user on one machine;
 * when it cannot be made, nothing is locked (as before). Thread-safe: engines of one process share it.
 */
public final class PartLocks {
    private static final Map<String, FileChannel> FILES = new HashMap<>();
    private static final Map<String, Held> HELD = new HashMap<>();

    private record Held(Object owner, FileLock lock) {}

    private PartLocks() {}

    /** Another haul holds the lock of a name. */
    public static final class LockedException extends IOException {
        public LockedException(String name) {
            super("another haul is downloading " + name);
        }
    }

    /**
     * Takes the lock of {@code name} in {@code dir}, or throws {@link LockedException} when another
     * process (or another engine of this one) holds it. Taking again a lock {@code owner} holds is fine.
     */
    public static synchronized void lock(Object owner, Path dir, String name) throws LockedException {
        String key = keyOf(dir);
        if (key == null) return;
        String held = key + '/' + name;
        Held h = HELD.get(held);
        if (h != null) {
            if (h.owner() == owner) return;
            throw new LockedException(name);
        }
        FileChannel file = lockFile(key);
        if (file == null) return;
        try {
            FileLock lock = file.tryLock(offsetOf(name), 1, false);
            if (lock == null) throw new LockedException(name);
            HELD.put(held, new Held(owner, lock));
        } catch (OverlappingFileLockException e) {
            throw new LockedException(name); // a hash shared with a name this process holds: rare, and safe
        } catch (LockedException e) {
            throw e;
        } catch (IOException e) {
            // a file system without locks: go on unlocked, as before locks existed
        }
    }

    /** Gives the lock of {@code name} back (a transfer that ended). */
    public static synchronized void unlock(Object owner, Path dir, String name) {
        String key = keyOf(dir);
        if (key == null) return;
        Held h = HELD.get(key + '/' + name);
        if (h == null || h.owner() != owner) return;
        HELD.remove(key + '/' + name);
        try {
            h.lock().release();
        } catch (IOException ignored) {
            // the descriptor stays open; the lock goes at the latest when the process ends
        }
    }

    private static final Map<Path, String> KEYS = new HashMap<>();

    /** The directory's identity: device and inode where the platform gives them, else its real path. */
    private static String keyOf(Path dir) {
        return KEYS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
            try {
                Object fileKey = Files.readAttributes(d, BasicFileAttributes.class).fileKey();
                return hash(fileKey != null ? fileKey.toString() : d.toRealPath().toString());
            } catch (IOException e) {
                return null; // the directory is not there yet: its transfers fail on their own
            }
        });
    }

    private static FileChannel lockFile(String key) {
        if (FILES.containsKey(key)) return FILES.get(key);
        FileChannel channel = null;
        try {
            Path home = lockHome();
            if (home != null) {
                channel = FileChannel.open(home.resolve(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException | UnsupportedOperationException e) {
            channel = null; // no lock file: transfers go on unlocked
        }
        FILES.put(key, channel);
        return channel;
    }

    /** The per-user folder of lock files: made private to the user; never one another user made or a link. */
    private static Path lockHome() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path home = runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "haul-locks")
                : Path.of(System.getProperty("java.io.tmpdir"), "haul-locks-" + System.getProperty("user.name"));
        if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(home);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another haul made it just now
            }
        }
        if (!Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            String owner = Files.getOwner(home, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) return null;
        } catch (UnsupportedOperationException e) {
            // no owners on this platform
        }
        return home;
    }

    /** A byte of the lock file per name; 62 bits of SHA-256 make two names sharing one unheard of. */
    static long offsetOf(String name) {
        byte[] d = digest(name);
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (d[i] & 0xff);
        return v & 0x3fff_ffff_ffff_ffffL;
    }

    private static String hash(String s) {
        return HexFormat.of().formatHex(digest(s), 0, 16);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
