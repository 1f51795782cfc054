package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Between engines of one process (the lock between processes is tested with two haul runs: PartLockIT). */
class PartLocksTest {
    @TempDir
    Path dir;

    private final Object first = new Object();
    private final Object second = new Object();

    @Test
    void aNameHeldByOneOwnerIsRefusedToAnotherUntilReleased() throws Exception {
        PartLocks.lock(first, dir, "file.bin");
        PartLocks.lock(first, dir, "file.bin"); // again by its holder: fine
        PartLocks.LockedException refused = assertThrows(PartLocks.LockedException.class, () -> PartLocks.lock(second, dir, "file.bin"));
        assertEquals("another haul is downloading file.bin", refused.getMessage());
        assertDoesNotThrow(() -> PartLocks.lock(second, dir, "other.bin"));

        PartLocks.unlock(second, dir, "file.bin"); // not its holder: nothing happens
        assertThrows(PartLocks.LockedException.class, () -> PartLocks.lock(second, dir, "file.bin"));
        PartLocks.unlock(first, dir, "file.bin");
        assertDoesNotThrow(() -> PartLocks.lock(second, dir, "file.bin"));
        PartLocks.unlock(second, dir, "file.bin");
        PartLocks.unlock(second, dir, "other.bin");
    }

    @Test
    void twoPathsToOneDirectoryShareTheirLocks() throws Exception {
        Path other = dir.resolve("sub").resolve("..");
        java.nio.file.Files.createDirectory(dir.resolve("sub"));
        PartLocks.lock(first, dir, "a.bin");
        assertThrows(PartLocks.LockedException.class, () -> PartLocks.lock(second, other, "a.bin"));
        PartLocks.unlock(first, dir, "a.bin");
    }
}
