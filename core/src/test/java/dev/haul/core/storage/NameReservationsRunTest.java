package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.haul.core.OnExists;
import dev.haul.core.storage.NameReservations.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Names shared by transfers of one run, symbolic links in the way, and races lost at promotion. */
class NameReservationsRunTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(OnExists.class)
    void twoTransfersAskingOneNameGetNameAndNameDotOne(OnExists mode) {
        NameReservations names = new NameReservations(dir, mode);

        assertEquals(new Decision.Use("f.iso", false), names.reserve("f.iso"));
        assertEquals(new Decision.Use("f.iso.1", false), names.reserve("f.iso"));
        assertEquals(new Decision.Use("f.iso.2", false), names.reserve("f.iso"));
    }

    @Test
    void aReleasedNameCanBeReservedAgain() {
        NameReservations names = new NameReservations(dir, OnExists.RENAME);
        names.reserve("f.iso");
        names.release("f.iso");

        assertEquals(new Decision.Use("f.iso", false), names.reserve("f.iso"));
    }

    @Test
    void overwriteGivesASecondTransferOfTheRunItsOwnName() throws IOException {
        Files.writeString(dir.resolve("f.iso"), "old");
        NameReservations names = new NameReservations(dir, OnExists.OVERWRITE);

        assertEquals(new Decision.Use("f.iso", true), names.reserve("f.iso"));
        assertEquals(new Decision.Use("f.iso.1", false), names.reserve("f.iso"));
    }

    @Test
    void aDanglingSymlinkCountsAsExisting() throws IOException {
        Files.createSymbolicLink(dir.resolve("f.iso"), dir.resolve("nowhere"));

        assertEquals(new Decision.Use("f.iso.1", false), new NameReservations(dir, OnExists.RENAME).reserve("f.iso"));
        assertEquals(new Decision.Refuse("f.iso"), new NameReservations(dir, OnExists.FAIL).reserve("f.iso"));
    }

    @Test
    void aSymlinkToAFileElsewhereCountsAsExistingAndIsNotFollowed(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("victim"), "precious");
        Files.createSymbolicLink(dir.resolve("f.iso"), outside);

        assertEquals(new Decision.Skip("f.iso"), new NameReservations(dir, OnExists.SKIP).reserve("f.iso"));
        assertEquals(new Decision.Use("f.iso.1", false), new NameReservations(dir, OnExists.RENAME).reserve("f.iso"));
        assertEquals("precious", Files.readString(outside));
    }

    @Test
    void aSymlinkAtANumberedNameIsSkippedToo() throws IOException {
        Files.writeString(dir.resolve("f.iso"), "old");
        Files.createSymbolicLink(dir.resolve("f.iso.1"), dir.resolve("nowhere"));

        assertEquals(new Decision.Use("f.iso.2", false), new NameReservations(dir, OnExists.RENAME).reserve("f.iso"));
    }

    @Test
    void renameAfterConflictPicksTheNextFreeNumberedName() throws IOException {
        NameReservations names = new NameReservations(dir, OnExists.RENAME);
        names.reserve("f.iso");
        Files.writeString(dir.resolve("f.iso"), "someone else's");

        assertEquals("f.iso.1", names.renameAfterConflict("f.iso", "f.iso"));
    }

    @Test
    void renameAfterConflictAvoidsNamesHeldByOtherTransfers() throws IOException {
        NameReservations names = new NameReservations(dir, OnExists.RENAME);
        names.reserve("f.iso");
        names.reserve("f.iso"); // f.iso.1, held by a second transfer
        Files.writeString(dir.resolve("f.iso"), "someone else's");

        assertEquals("f.iso.2", names.renameAfterConflict("f.iso", "f.iso"));
    }

    @Test
    void renameAfterConflictTwiceMovesOnAndFreesTheLostName() throws IOException {
        NameReservations names = new NameReservations(dir, OnExists.RENAME);
        names.reserve("f.iso");
        Files.writeString(dir.resolve("f.iso"), "x");
        String first = names.renameAfterConflict("f.iso", "f.iso");
        Files.writeString(dir.resolve(first), "y");

        assertEquals("f.iso.2", names.renameAfterConflict("f.iso", first));
        Files.delete(dir.resolve(first));
        assertEquals(new Decision.Use("f.iso.1", false), names.reserve("f.iso"));
    }

    @Test
    void reservingCreatesNoFile() {
        new NameReservations(dir, OnExists.RENAME).reserve("f.iso");
        assertFalse(Files.exists(dir.resolve("f.iso")));
    }
}
