package dev.haul.core.records;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The records of the files haul saved in one directory, kept outside it (see {@link RecordsHome}).
 *
 * <p>Read once when the engine starts (on the caller's thread); after that the index is used on
 * the loop only. New records are appended by one writer thread, which takes every record waiting
 * and writes them with one {@code write} under an advisory lock (so two haul processes sharing a
 * directory, as shards on one machine do, append whole lines), then completes their futures. The
 * loop never waits for the disk: a transfer posts its next step when its future completes.
 */
public final class SavedFileLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SavedFileLog.class);

    private final Path file;
    /** Latest record per name, in the order written. Loop-confined after construction. */
    private final Map<String, SavedFile> byName = new LinkedHashMap<>();
    /** Names ever recorded for a URL (a name may since belong to another URL: check byName). */
    private final Map<String, List<String>> namesByUrl = new HashMap<>();
    /** The file on disk is of another version or damaged: it is replaced at the first write. */
    private boolean startOver;

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private ExecutorService writer;
    /** Writer thread only. */
    private boolean warned;

    private record Pending(SavedFile record, Path mtimeOf, Instant mtime, CompletableFuture<Void> done) {}

    private SavedFileLog(Path file) {
        this.file = file;
    }

    /** The records of {@code dir}; none when there is no file yet or it cannot be read. Any thread but the loop. */
    public static SavedFileLog open(Path dir) {
        return openFile(RecordsHome.fileFor(dir));
    }

    /** The records kept in {@code file}. Any thread but the loop. */
    public static SavedFileLog openFile(Path file) {
        SavedFileLog l = new SavedFileLog(file);
        l.load();
        return l;
    }

    /** Records kept in memory only (tests of the engine without a directory of their own). */
    public static SavedFileLog inMemory() {
        return new SavedFileLog(null);
    }

    private void load() {
        String text;
        try {
            if (Files.isSymbolicLink(file)) {
                startOver = true; // never follow a link planted in the directory
                return;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            log.debug("cannot read {}: {}", file, e.toString());
            startOver = true; // damaged (or not UTF-8): start over, never fail the run for it
            return;
        }
        if (!SavedFileFormat.hasHeader(text)) {
            startOver = !text.isEmpty();
            return;
        }
        for (SavedFile f : SavedFileFormat.parse(text)) index(f);
    }

    private void index(SavedFile f) {
        byName.remove(f.name()); // keep "latest last" order
        byName.put(f.name(), f);
        List<String> names = namesByUrl.computeIfAbsent(f.url(), u -> new ArrayList<>(1));
        names.remove(f.name());
        names.add(f.name());
    }

    /** The records of files saved from {@code url} (user info left out), newest last. On the loop. */
    public List<SavedFile> savedFrom(String url) {
        List<String> names = namesByUrl.get(url);
        if (names == null) return List.of();
        List<SavedFile> out = new ArrayList<>(names.size());
        for (String n : names) {
            SavedFile f = byName.get(n);
            if (f != null && f.url().equals(url)) out.add(f);
        }
        return out;
    }

    /** The record of {@code name}, or null. On the loop. */
    public SavedFile recordOf(String name) {
        return byName.get(name);
    }

    /**
     * Records {@code f} (and first gives {@code mtimeOf} the modification time {@code mtime}, when
     * both are given). The future completes, on the writer thread, once the line is written (or
     * could not be: a record is a convenience, never a reason to fail a download). On the loop.
     */
    public CompletableFuture<Void> record(SavedFile f, Path mtimeOf, Instant mtime) {
        index(f);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (file == null) {
            done.complete(null);
            return done;
        }
        pending.add(new Pending(f, mtimeOf, mtime, done));
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                writer().execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drainScheduled.set(false);
                done.complete(null); // closed: the engine is going away, the file keeps its name anyway
            }
        }
        return done;
    }

    private synchronized ExecutorService writer() {
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "haul-records");
                t.setDaemon(true);
                return t;
            });
        }
        return writer;
    }

    /** On the writer thread: everything waiting, in one write. */
    private void drain() {
        drainScheduled.set(false);
        List<Pending> batch = new ArrayList<>();
        Pending p;
        while ((p = pending.poll()) != null) batch.add(p);
        if (batch.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        for (Pending b : batch) {
            setMtime(b);
            text.append(SavedFileFormat.line(b.record()));
        }
        try {
            append(text.toString());
        } catch (IOException | RuntimeException e) {
            if (!warned) log.warn("cannot record saved files in {}: {}", file, e.toString()); // once, not per file
            warned = true;
        }
        for (Pending b : batch) b.done().complete(null);
    }

    private static void setMtime(Pending p) {
        if (p.mtimeOf() == null || p.mtime() == null) return;
        try {
            Files.setLastModifiedTime(p.mtimeOf(), FileTime.from(p.mtime()));
        } catch (IOException | RuntimeException e) {
            log.debug("cannot set the time of {}: {}", p.mtimeOf(), e.toString());
        }
    }

    private void append(String lines) throws IOException {
        if (startOver) {
            startOver = false;
            replaceWithEmpty();
        }
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
             FileLock ignored = ch.lock()) {
            String text = ch.size() == 0 ? SavedFileFormat.HEADER + "\n" + lines : lines;
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
        }
    }

    /** A damaged file or one of another version: replaced atomically by an empty one of this version. */
    private void replaceWithEmpty() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, SavedFileFormat.HEADER + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes what is waiting and stops the writer. Any thread but the loop. */
    @Override
    public void close() {
        ExecutorService w;
        synchronized (this) {
            w = writer;
        }
        if (w == null) return;
        w.execute(this::drain);
        w.shutdown();
        try {
            w.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
