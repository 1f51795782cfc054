package dev.haul.core.storage;

import static dev.haul.core.storage.PartFileTesting.ascii;
import static dev.haul.core.storage.PartFileTesting.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening NAME.part from zero and writing received buffers at their offsets. */
class PartFileWriteTest {
    @TempDir Path dir;

    @Test
    void thePartPathIsTheFinalNamePlusDotPart() {
        assertEquals(dir.resolve("movie.mkv.part"), PartFile.partPathFor(dir.resolve("movie.mkv")));
    }

    @Test
    void buffersWrittenOutOfOrderLandAtTheirOffsets() throws IOException {
        byte[] expected = new byte[300_000];
        new Random(7).nextBytes(expected);
        Path path = dir.resolve("f.part");
        try (PartFile part = PartFile.startFresh(path)) {
            part.write(ByteBuffer.wrap(expected, 200_000, 100_000), 200_000);
            part.write(ByteBuffer.wrap(expected, 0, 100_000), 0);
            part.write(ByteBuffer.wrap(expected, 100_000, 100_000), 100_000);
            assertEquals(300_000, part.length());
        }

        assertEquals(sha256(expected), sha256(path));
    }

    @Test
    void appendsFollowOneAnother() throws IOException {
        Path path = dir.resolve("f.part");
        try (PartFile part = PartFile.startFresh(path)) {
            part.append(ascii("hello "));
            part.append(ascii("world"));
        }
        assertEquals("hello world", Files.readString(path));
    }

    @Test
    void aWriteConsumesTheWholeBuffer() throws IOException {
        ByteBuffer chunk = ascii("abc");
        try (PartFile part = PartFile.startFresh(dir.resolve("f.part"))) {
            part.write(chunk, 0);
        }
        assertFalse(chunk.hasRemaining());
    }

    @Test
    void startFreshTruncatesAnExistingPart() throws IOException {
        Path path = dir.resolve("f.part");
        Files.writeString(path, "stale bytes from an older download");
        try (PartFile part = PartFile.startFresh(path)) {
            assertEquals(0, part.length());
            part.append(ascii("new"));
        }
        assertEquals("new", Files.readString(path));
    }

    @Test
    void startFreshReplacesASymlinkToAnOutsideFileWithoutTouchingIt(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("victim"), "precious bytes");
        String before = sha256(outside);
        Path path = dir.resolve("f.part");
        Files.createSymbolicLink(path, outside);

        try (PartFile part = PartFile.startFresh(path)) {
            part.append(ascii("downloaded"));
        }

        assertEquals(before, sha256(outside));
        assertFalse(Files.isSymbolicLink(path));
        assertTrue(Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS));
        assertEquals("downloaded", Files.readString(path));
    }

    @Test
    void startFreshReplacesADanglingSymlinkInsteadOfCreatingItsTarget(@TempDir Path elsewhere) throws IOException {
        Path target = elsewhere.resolve("planted");
        Path path = dir.resolve("f.part");
        Files.createSymbolicLink(path, target);

        PartFile.startFresh(path).close();

        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void lengthIsTheHighestOffsetReachedNotTheLastWrite() throws IOException {
        try (PartFile part = PartFile.startFresh(dir.resolve("f.part"))) {
            part.write(ascii("tail"), 10);
            part.write(ascii("he"), 0);
            assertEquals(14, part.length());
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("f.part"));
        assertArrayEquals(new byte[] {'h', 'e', 0, 0}, Arrays.copyOf(bytes, 4));
    }

    @Test
    void existingLengthSeesOnlyARegularPartFileNeverALink(@TempDir Path elsewhere) throws IOException {
        Path part = dir.resolve("f.part");
        assertEquals(-1, PartFile.existingLength(part), "nothing there");

        Files.createSymbolicLink(part, elsewhere.resolve("missing"));
        assertEquals(-1, PartFile.existingLength(part), "a dangling link");

        Files.delete(part);
        Files.createSymbolicLink(part, Files.writeString(elsewhere.resolve("other"), "12345"));
        assertEquals(-1, PartFile.existingLength(part), "a link to a regular file");

        Files.delete(part);
        Files.writeString(part, "1234567");
        assertEquals(7, PartFile.existingLength(part));
    }
}
