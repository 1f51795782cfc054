package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haul.core.OnExists;
import dev.haul.core.storage.NameReservations.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each --on-exists mode, with and without a file of that name in the directory. */
class NameReservationsModesTest {
    @TempDir Path dir;

    private Decision reserve(OnExists mode, String name) {
        return new NameReservations(dir, mode).reserve(name);
    }

    private void existing(String name) throws IOException {
        Files.writeString(dir.resolve(name), "old");
    }

    @ParameterizedTest
    @EnumSource(OnExists.class)
    void aFreeNameIsUsedAsIsInEveryMode(OnExists mode) {
        assertEquals(new Decision.Use("file.bin", false), reserve(mode, "file.bin"));
    }

    @Test
    void renameSavesBesideAnExistingFileAsNameDotOne() throws IOException {
        existing("file.bin");
        assertEquals(new Decision.Use("file.bin.1", false), reserve(OnExists.RENAME, "file.bin"));
    }

    @Test
    void renameSkipsNumberedNamesThatExistToo() throws IOException {
        existing("file.bin");
        existing("file.bin.1");
        existing("file.bin.2");
        assertEquals(new Decision.Use("file.bin.3", false), reserve(OnExists.RENAME, "file.bin"));
    }

    @Test
    void skipKeepsAnExistingFile() throws IOException {
        existing("file.bin");
        assertEquals(new Decision.Skip("file.bin"), reserve(OnExists.SKIP, "file.bin"));
    }

    @ParameterizedTest
    @EnumSource(value = OnExists.class, names = {"SKIP", "OVERWRITE", "FAIL"})
    void aDirectoryWithTheNameIsRefusedWithOneLineSayingSo(OnExists mode) throws IOException {
        Files.createDirectory(dir.resolve("file.bin"));
        Decision d = reserve(mode, "file.bin");
        assertEquals(new Decision.Refuse("file.bin", mode, true), d);
        assertEquals("file.bin is a directory (--on-exists " + mode.name().toLowerCase(java.util.Locale.ROOT)
                + "; rename would save as file.bin.1)", ((Decision.Refuse) d).message());
    }

    @Test
    void renameSavesBesideADirectoryWithTheName() throws IOException {
        Files.createDirectory(dir.resolve("file.bin"));
        assertEquals(new Decision.Use("file.bin.1", false), reserve(OnExists.RENAME, "file.bin"));
    }

    @Test
    void failRefusesAnExistingFile() throws IOException {
        existing("file.bin");
        assertEquals(new Decision.Refuse("file.bin"), reserve(OnExists.FAIL, "file.bin"));
    }

    @Test
    void overwriteUsesTheExistingNameAndAsksToReplaceIt() throws IOException {
        existing("file.bin");
        assertEquals(new Decision.Use("file.bin", true), reserve(OnExists.OVERWRITE, "file.bin"));
    }

    @Test
    void anExistingDirectoryOfThatNameCountsAsExisting() throws IOException {
        Files.createDirectory(dir.resolve("file.bin"));
        assertEquals(new Decision.Use("file.bin.1", false), reserve(OnExists.RENAME, "file.bin"));
    }

    @Test
    void reservingNeverTouchesTheExistingFile() throws IOException {
        existing("file.bin");
        for (OnExists mode : OnExists.values()) reserve(mode, "file.bin");
        assertEquals("old", Files.readString(dir.resolve("file.bin")));
    }
}
