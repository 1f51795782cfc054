package dev.haul.core.engine;

import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.storage.PartFile;
import dev.haul.core.storage.PartLocks;
import dev.haul.core.storage.Sidecar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one transfer's bytes go on disk: its reserved name, {@code NAME.part} and the sidecar
 * that makes it resumable. Loop-confined.
 */
final class TargetFile {
    private final NameReservations names;
    private final String preferred;
    private String name;
    private final boolean replace;
    private PartFile part;
    private ResumeRecord record;
    /** Counts the .part's lives (started afresh, discarded, promoted): a checkpoint of an older one is dropped. */
    private int epoch;
    /** Checkpoints are numbered: one whose force finished late never replaces a newer record. */
    private long checkpointsAsked;
    private long checkpointWritten;

    TargetFile(NameReservations names, String preferred, String name, boolean replace) {
        this.names = names;
        this.preferred = preferred;
        this.name = name;
        this.replace = replace;
    }

    String name() {
        return name;
    }

    Path finalPath() {
        return names.dir().resolve(name);
    }

    Path partPath() {
        return PartFile.partPathFor(finalPath());
    }

    /** "f1.txt.part in /ro/dir": how a storage error names the file, its directory included. */
    String partInDir() {
        return partPath().getFileName() + " in " + names.dir();
    }

    Path sidecarPath() {
        return Sidecar.pathFor(partPath());
    }

    ResumeRecord record() {
        return record;
    }

    /** What a previous run (or attempt) left: the sidecar's record, when it belongs to this URL. */
    Optional<ResumeRecord> savedRecordFor(String maskedUrl) {
        if (record != null) return Optional.of(record);
        return Sidecar.read(sidecarPath()).filter(r -> r.url().equals(maskedUrl));
    }

    /** Records progress in the sidecar (a segmented download's saved ranges). Best effort. */
    void saveRecord(ResumeRecord updated) {
        record = updated;
        try {
            Sidecar.write(sidecarPath(), record);
            sidecarWritten = true;
            sidecarOnDisk = true;
        } catch (IOException ignored) {
            // the .part keeps its bytes; a later run just trusts fewer of them
        }
    }

    long partLength() {
        return part != null ? part.length() : PartFile.existingLength(partPath());
    }

    /** Starts from zero: a new .part and a sidecar describing the response that fills it. */
    void startFresh(ResumeRecord newRecord) throws IOException {
        close();
        lock();
        epoch++;
        part = PartFile.startFresh(partPath(), names.openParts());
        record = newRecord;
        // An older sidecar describes other bytes; the new one is written once the body turns out
        // to need more than one read (see ensureSidecar): a small file never pays for one.
        // java.io's exists: no exception for the usual "none"; a dangling link left there is never followed
        // (a later sidecar replaces it by rename).
        if (sidecarOnDisk && sidecarPath().toFile().exists()) {
            Sidecar.delete(sidecarPath());
        }
        sidecarOnDisk = false;
        sidecarWritten = false;
    }

    /** This transfer wrote the sidecar of the .part it fills now. */
    private boolean sidecarWritten;
    /** A sidecar may be on disk (one of an earlier run counts): unknown means yes. */
    private boolean sidecarOnDisk = true;

    /** Writes the sidecar if this .part does not have one yet. Best effort. */
    void ensureSidecar() {
        if (sidecarWritten || record == null) return;
        saveRecord(record);
    }

    /**
     * Records a segmented download's saved ranges, durably: the .part's bytes are forced to the
     * disk first, so the sidecar never claims a range a power cut could lose. The force runs off
     * the loop (it takes milliseconds on a real disk, and comes every second); the sidecar is
     * written back on the loop once it is done, unless the .part has moved on meanwhile. The
     * {@code last} one (a transfer stopping) is forced and written at once: the run may end next.
     */
    void checkpoint(ResumeRecord updated, boolean last, java.util.concurrent.Executor loop) {
        record = updated;
        Path path = partPath();
        if (last) {
            try {
                names.durability().force(path); // rare: once as a segmented transfer stops
                saveRecord(updated);
            } catch (IOException e) {
                // not on disk for sure: the sidecar keeps claiming only what it claimed
            }
            checkpointWritten = ++checkpointsAsked;
            return;
        }
        int at = epoch;
        long n = ++checkpointsAsked;
        names.durability().forceLater(path).whenComplete((ok, err) -> loop.execute(() -> {
            if (err != null || at != epoch || n <= checkpointWritten) return;
            checkpointWritten = n;
            saveRecord(updated);
        }));
    }

    /**
     * Forces the complete .part's bytes to the disk off the loop, then runs {@code then} on the
     * loop with null, or the error that makes them unsure. Before the rename to the final name,
     * so that a name never promises bytes the disk does not hold.
     */
    void forceThen(java.util.concurrent.Executor loop, java.util.function.Consumer<IOException> then) {
        close();
        names.durability().forceLater(partPath()).whenComplete((ok, err) -> loop.execute(() ->
                then.accept(err == null ? null : err.getCause() instanceof IOException io ? io : new IOException(err))));
    }

    /** Forces the directory after the rename to {@code saved} (coalesced with others), then runs {@code then} on the loop. */
    void forceDirectoryThen(Path saved, java.util.concurrent.Executor loop, Runnable then) {
        names.durability().forceDirectoryLater(saved.getParent()).whenComplete((ok, err) -> loop.execute(then));
    }

    /**
     * Continues the existing .part at {@code offset}. A contiguous .part is cut back to the offset
     * (bytes past it are not vouched for); a segmented one keeps its other saved ranges.
     */
    void continueAt(long offset, ResumeRecord saved) throws IOException {
        close();
        lock();
        sidecarWritten = true; // continuing means a sidecar was there
        part = PartFile.openExisting(partPath(), names.openParts()).orElseThrow(() -> new IOException("the .part file disappeared"));
        if (saved.rangeList() == null && part.length() != offset) part.truncate(offset);
        record = saved;
    }

    void write(ByteBuffer chunk, long position) throws IOException {
        part.write(chunk, position);
    }

    /** Flushes and closes the .part; it and its sidecar stay for a later resume. */
    void close() {
        if (part == null) return;
        try {
            part.close();
        } catch (IOException ignored) {
            // closing a written file can only fail to report an earlier error, already handled
        }
        part = null;
    }

    /** Removes the .part and its sidecar (a checksum mismatch: the bytes are wrong, not partial). */
    void discard() {
        epoch++;
        close();
        try {
            Files.deleteIfExists(partPath());
        } catch (IOException ignored) {
            // nothing more to do: the name was never given to these bytes
        }
        Sidecar.delete(sidecarPath());
    }

    /**
     * Gives the complete .part its final name. When the name was taken meanwhile: a numbered
     * name in rename mode, else the exception.
     */
    Path promote(boolean renameOnConflict) throws IOException {
        lock();
        if (part == null) part = PartFile.openExisting(partPath(), names.openParts()).orElseThrow(() -> new IOException("the .part file disappeared"));
        while (true) {
            Path target = finalPath();
            try {
                part.promote(target, replace);
                epoch++;
                if (sidecarOnDisk) Sidecar.delete(sidecarPath());
                part = null;
                return target;
            } catch (FileAlreadyExistsException e) {
                if (!renameOnConflict) throw e;
                Path oldPart = partPath();
                Path oldSidecar = sidecarPath();
                String oldName = name;
                name = names.renameAfterConflict(preferred, name);
                lock();
                PartLocks.unlock(names, names.dir(), oldName);
                Files.move(oldPart, partPath());
                Sidecar.delete(oldSidecar);
                part = PartFile.openExisting(partPath(), names.openParts()).orElseThrow();
            }
        }
    }

    /**
     * Claims NAME against other haul processes before its .part is touched (see {@link PartLocks});
     * held until {@link #release}, across pauses, retries and a .part closed for room.
     */
    private void lock() throws IOException {
        PartLocks.lock(names, names.dir(), name);
    }

    void release() {
        PartLocks.unlock(names, names.dir(), name);
        names.release(name);
    }
}
