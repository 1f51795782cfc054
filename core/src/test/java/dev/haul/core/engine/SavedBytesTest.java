package dev.haul.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.haul.core.OnExists;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.storage.NameReservations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an attempt asks for, given the bytes saved before it. */
class SavedBytesTest {
    private static final String URL = "http://127.0.0.1/f.bin";
    private static final ResumeRecord FIRST_RESPONSE = new ResumeRecord(URL, "\"v1\"", null, 1000, null);

    @TempDir
    Path dir;

    @Test
    void aStreamContinuesExactlyWhereItsWrittenBytesEnd() {
        SavedBytes saved = new SavedBytes(URL);
        saved.planStream(0, FIRST_RESPONSE);
        assertNull(saved.asked(), "nothing written: the whole body");

        saved.planStream(400, FIRST_RESPONSE);
        assertEquals(400, saved.asked().offset());
        assertEquals("\"v1\"", saved.asked().ifRange());
        assertSame(FIRST_RESPONSE, saved.record());
    }

    @Test
    void onceDistrustedNothingSavedIsAskedForAgain() throws Exception {
        SavedBytes saved = new SavedBytes(URL);
        saved.distrust();
        saved.planStream(400, FIRST_RESPONSE);
        assertNull(saved.asked());

        NameReservations names = new NameReservations(dir, OnExists.RENAME);
        Files.write(dir.resolve("f.bin.part"), new byte[10]);
        assertNull(saved.planFile(null, "f.bin", names), "a .part is there, but not trusted");
        assertNull(saved.asked());
    }

    @Test
    void withoutAPartFileThereIsNothingToContinueAndNoNameIsClaimed() {
        NameReservations names = new NameReservations(dir, OnExists.RENAME);
        SavedBytes saved = new SavedBytes(URL);

        assertNull(saved.planFile(null, "f.bin", names));
        assertNull(saved.asked());
        // The name is still free for this run's own download.
        assertEquals(new NameReservations.Decision.Use("f.bin", false), names.reserve("f.bin"));
    }
}
