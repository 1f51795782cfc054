package dev.haul.core.storage;

import static dev.haul.core.storage.PartFileTesting.sha256;
import static dev.haul.core.storage.PartFileTesting.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A complete NAME.part becomes NAME: never over an existing file unless asked to replace it. */
class PartFilePromoteTest {
    @TempDir Path dir;

    @Test
    void promoteGivesTheBytesTheFinalNameAndRemovesThePart() throws IOException {
        Path target = dir.resolve("f.iso");
        PartFile part = written(PartFile.partPathFor(target), "complete");

        part.promote(target, false);

        assertEquals("complete", Files.readString(target));
        assertFalse(Files.exists(part.path(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void promoteWithoutReplaceNeverOverwritesAnExistingFile() throws IOException {
        Path target = Files.writeString(dir.resolve("f.iso"), "the user's own file");
        String before = sha256(target);
        PartFile part = written(PartFile.partPathFor(target), "downloaded");

        assertThrows(FileAlreadyExistsException.class, () -> part.promote(target, false));

        assertEquals(before, sha256(target));
        assertEquals("downloaded", Files.readString(part.path()), "the .part is kept for another name");
    }

    @Test
    void promoteWithoutReplaceRefusesADanglingSymlinkAndLeavesIt(@TempDir Path elsewhere) throws IOException {
        Path planted = elsewhere.resolve("planted");
        Path target = Files.createSymbolicLink(dir.resolve("f.iso"), planted);
        PartFile part = written(PartFile.partPathFor(target), "downloaded");

        assertThrows(FileAlreadyExistsException.class, () -> part.promote(target, false));

        assertTrue(Files.isSymbolicLink(target));
        assertFalse(Files.exists(planted, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(part.path()));
    }

    @Test
    void promoteWithReplaceSwapsAnExistingFileForTheNewBytes() throws IOException {
        Path target = Files.writeString(dir.resolve("f.iso"), "old version");
        PartFile part = written(PartFile.partPathFor(target), "new version");

        part.promote(target, true);

        assertEquals("new version", Files.readString(target));
        assertFalse(Files.exists(part.path(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void promoteWithReplaceSwapsTheFileUnderAReaderThatStillSeesTheOldOne() throws IOException {
        Path target = Files.writeString(dir.resolve("f.iso"), "old version");
        PartFile part = written(PartFile.partPathFor(target), "new version");

        try (var reader = Files.newInputStream(target)) {
            part.promote(target, true);
            // An atomic rename replaces the directory entry; the old file is never rewritten in place.
            assertEquals("old version", new String(reader.readAllBytes()));
        }
        assertEquals("new version", Files.readString(target));
    }

    @Test
    void promoteWithReplaceReplacesASymlinkRatherThanWritingThroughIt(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("victim"), "precious");
        String before = sha256(outside);
        Path target = Files.createSymbolicLink(dir.resolve("f.iso"), outside);
        PartFile part = written(PartFile.partPathFor(target), "downloaded");

        part.promote(target, true);

        assertEquals(before, sha256(outside));
        assertFalse(Files.isSymbolicLink(target));
        assertEquals("downloaded", Files.readString(target));
    }

    @Test
    void promoteLeavesNoExtraNamesInTheDirectory() throws IOException {
        Path target = dir.resolve("f.iso");
        written(PartFile.partPathFor(target), "complete").promote(target, false);

        try (var names = Files.list(dir)) {
            assertEquals(List.of(target), names.toList());
        }
    }
}
