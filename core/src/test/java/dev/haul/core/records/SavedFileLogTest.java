package dev.haul.core.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedFileLogTest {
    @TempDir
    Path dir;

    private static SavedFile saved(String name, String url) {
        return new SavedFile(name, url, "\"" + name + "\"", null, 3);
    }

    @Test
    void recordsWrittenByOneRunAreReadByTheNext() throws Exception {
        try (SavedFileLog log = SavedFileLog.openFile(dir.resolve("record.tsv"))) {
            log.record(saved("a", "http://h/a"), null, null).get(10, TimeUnit.SECONDS);
            log.record(saved("a.1", "http://h/a"), null, null).get(10, TimeUnit.SECONDS);
        }

        SavedFileLog next = SavedFileLog.openFile(dir.resolve("record.tsv"));

        assertEquals(List.of(saved("a", "http://h/a"), saved("a.1", "http://h/a")), next.savedFrom("http://h/a"));
    }

    @Test
    void twoProcessesSharingADirectoryKeepEachOthersRecords() throws Exception {
        try (SavedFileLog one = SavedFileLog.openFile(dir.resolve("record.tsv")); SavedFileLog two = SavedFileLog.openFile(dir.resolve("record.tsv"))) {
            one.record(saved("x", "http://h/x"), null, null).get(10, TimeUnit.SECONDS);
            two.record(saved("y", "http://h/y"), null, null).get(10, TimeUnit.SECONDS);
        }

        SavedFileLog next = SavedFileLog.openFile(dir.resolve("record.tsv"));

        assertEquals(1, next.savedFrom("http://h/x").size());
        assertEquals(1, next.savedFrom("http://h/y").size());
    }

    @Test
    void aNameSavedAgainFromAnotherUrlBelongsToThatUrl() throws Exception {
        try (SavedFileLog log = SavedFileLog.openFile(dir.resolve("record.tsv"))) {
            log.record(saved("f", "http://h/old"), null, null).get(10, TimeUnit.SECONDS);
            log.record(saved("f", "http://h/new"), null, null).get(10, TimeUnit.SECONDS);
        }

        SavedFileLog next = SavedFileLog.openFile(dir.resolve("record.tsv"));

        assertEquals(List.of(), next.savedFrom("http://h/old"));
        assertEquals("http://h/new", next.recordOf("f").url());
    }

    @Test
    void aDamagedFileIsReplacedAtTheFirstRecordNeverFailing() throws Exception {
        Files.write(dir.resolve("record.tsv"), new byte[] {(byte) 0xc3, 0x28, '\n', 'z'});
        try (SavedFileLog log = SavedFileLog.openFile(dir.resolve("record.tsv"))) {
            assertNull(log.recordOf("z"));
            log.record(saved("b", "http://h/b"), null, null).get(10, TimeUnit.SECONDS);
        }

        assertTrue(Files.readString(dir.resolve("record.tsv")).startsWith(SavedFileFormat.HEADER + "\n"));
        assertEquals(1, SavedFileLog.openFile(dir.resolve("record.tsv")).savedFrom("http://h/b").size());
    }

    @Test
    void theGivenTimeIsSetBeforeTheRecordIsDone() throws Exception {
        Path part = Files.writeString(dir.resolve("c.part"), "abc");
        Instant lastModified = Instant.parse("2001-02-03T04:05:06Z");
        try (SavedFileLog log = SavedFileLog.openFile(dir.resolve("record.tsv"))) {
            log.record(saved("c", "http://h/c"), part, lastModified).get(10, TimeUnit.SECONDS);
            assertEquals(FileTime.from(lastModified), Files.getLastModifiedTime(part));
        }
    }

    @Test
    void aFileThatCannotBeWrittenOnlyMeansNoRecord() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        try (SavedFileLog log = SavedFileLog.open(notADir)) {
            log.record(saved("d", "http://h/d"), null, null).get(10, TimeUnit.SECONDS); // completes, no exception
            assertEquals(1, log.savedFrom("http://h/d").size());
        }
    }
}
