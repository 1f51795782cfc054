package dev.haul.core.engine;

import dev.haul.core.OnExists;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.storage.Durability;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.storage.OpenParts;
import dev.haul.core.storage.Sidecar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order a power cut cares about, with the disk replaced by a recorder: a .part's bytes are
 * forced before the sidecar claims their range, and before the final rename; the directory is
 * forced after the rename. Forces run off the loop (here: a queue the test runs by hand).
 */
class TargetFileDurabilityTest {
    private static final ResumeRecord RECORD = new ResumeRecord("http://h/f.bin", "\"v1\"", null, 200, null);

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final ArrayDeque<Runnable> diskThread = new ArrayDeque<>();
    private final ArrayDeque<Runnable> loop = new ArrayDeque<>();
    private final Executor loopExecutor = loop::add;

    private final Durability recorder = new Durability() {
        @Override
        public void force(Path file) {
            events.add("force " + file.getFileName() + (claimsRanges() ? " (sidecar already claims the range)" : ""));
        }

        @Override
        public void forceDirectory(Path d) {
            events.add("force directory" + (Files.exists(d.resolve("f.bin")) ? " after the rename" : " before the rename"));
        }

        @Override
        public Executor executor() {
            return diskThread::add;
        }

        @Override
        public CompletableFuture<Void> forceDirectoryLater(Path d) {
            return CompletableFuture.runAsync(() -> forceDirectory(d), executor());
        }
    };

    private TargetFile target() throws IOException {
        NameReservations names = new NameReservations(dir, OnExists.RENAME, OpenParts.unlimited(), recorder);
        TargetFile t = new TargetFile(names, "f.bin", "f.bin", false);
        t.startFresh(RECORD);
        t.write(ByteBuffer.wrap(new byte[100]), 0);
        return t;
    }

    @Test
    void aRangeIsForcedToDiskBeforeTheSidecarClaimsIt() throws IOException {
        TargetFile t = target();

        t.checkpoint(RECORD.withRanges(List.of(new long[] {0, 100})), false, loopExecutor);
        assertFalse(claimsRanges(), "nothing claimed while the force is pending");
        assertTrue(loop.isEmpty());

        runAll(diskThread);
        assertFalse(claimsRanges(), "the sidecar is written back on the loop");
        runAll(loop);

        assertEquals(List.of("force f.bin.part"), events);
        assertTrue(claimsRanges(), "claimed once forced");
        t.release();
    }

    @Test
    void aCheckpointOfAPartThatMovedOnMeanwhileIsDropped() throws IOException {
        TargetFile t = target();
        t.checkpoint(RECORD.withRanges(List.of(new long[] {0, 100})), false, loopExecutor);
        t.startFresh(RECORD); // the server sent another version: the old ranges are not this file's

        runAll(diskThread);
        runAll(loop);

        assertFalse(claimsRanges());
        t.release();
    }

    @Test
    void theLastCheckpointOfAStoppingTransferIsForcedAndWrittenAtOnce() throws IOException {
        TargetFile t = target();
        t.checkpoint(RECORD.withRanges(List.of(new long[] {0, 100})), true, loopExecutor);
        assertEquals(List.of("force f.bin.part"), events);
        assertTrue(claimsRanges());
        t.release();
    }

    @Test
    void theBytesAreForcedBeforeTheRenameAndTheDirectoryAfterIt() throws IOException {
        TargetFile t = target();
        List<Object> forced = new ArrayList<>();

        t.forceThen(loopExecutor, forced::add);
        assertFalse(Files.exists(dir.resolve("f.bin")));
        runAll(diskThread);
        runAll(loop);
        assertEquals(1, forced.size());
        assertNull(forced.get(0), "forced without error");

        Path saved = t.promote(true);
        List<String> finished = new ArrayList<>();
        t.forceDirectoryThen(saved, loopExecutor, () -> finished.add("done"));
        runAll(diskThread);
        assertTrue(finished.isEmpty(), "reported on the loop");
        runAll(loop);

        assertEquals(List.of("force f.bin.part", "force directory after the rename"), events);
        assertEquals(List.of("done"), finished);
        t.release();
    }

    private boolean claimsRanges() {
        Optional<ResumeRecord> r = Sidecar.read(dir.resolve("f.bin.part.meta"));
        return r.isPresent() && r.get().ranges() != null;
    }

    private static void runAll(ArrayDeque<Runnable> queue) {
        for (Runnable r; (r = queue.poll()) != null; ) r.run();
    }
}
