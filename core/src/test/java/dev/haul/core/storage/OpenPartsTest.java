package dev.haul.core.storage;

import static dev.haul.core.storage.PartFileTesting.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** More .part files than the descriptor budget: the least recently written close, and open again to be written. */
class OpenPartsTest {
    @TempDir
    Path dir;

    @Test
    void writesInterleavedAcrossMoreFilesThanTheBudgetAllLandWhereTheyBelong() throws IOException {
        OpenParts budget = new OpenParts(2);
        PartFile[] parts = new PartFile[5];
        for (int i = 0; i < parts.length; i++) parts[i] = PartFile.startFresh(dir.resolve("f" + i + ".part"), budget);
        assertEquals(2, budget.openCount());

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < parts.length; i++) {
                parts[i].append(ascii("" + (char) ('a' + i) + round));
                assertTrue(budget.openCount() <= 2);
            }
        }
        for (PartFile p : parts) p.close();

        assertEquals(0, budget.openCount());
        assertTrue(budget.reopened() > 0, "files closed for room were opened again");
        for (int i = 0; i < parts.length; i++) {
            char c = (char) ('a' + i);
            assertEquals("" + c + 0 + c + 1 + c + 2, Files.readString(dir.resolve("f" + i + ".part")));
        }
    }

    @Test
    void aPartFileThatVanishedWhileClosedForRoomIsAnErrorNotANewFile() throws IOException {
        OpenParts budget = new OpenParts(1);
        PartFile first = PartFile.startFresh(dir.resolve("a.part"), budget);
        first.append(ascii("saved"));
        PartFile.startFresh(dir.resolve("b.part"), budget); // takes the only descriptor
        Files.delete(dir.resolve("a.part"));

        assertThrows(IOException.class, () -> first.append(ascii("more")));
        assertTrue(Files.notExists(dir.resolve("a.part"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aLinkPutInPlaceWhileClosedForRoomIsNeverWrittenThrough(@TempDir Path elsewhere) throws IOException {
        Path victim = Files.writeString(elsewhere.resolve("victim"), "precious");
        OpenParts budget = new OpenParts(1);
        PartFile first = PartFile.startFresh(dir.resolve("a.part"), budget);
        first.append(ascii("saved"));
        PartFile.startFresh(dir.resolve("b.part"), budget);
        Files.delete(dir.resolve("a.part"));
        Files.createSymbolicLink(dir.resolve("a.part"), victim);

        assertThrows(IOException.class, () -> first.append(ascii("more")));
        assertEquals("precious", Files.readString(victim));
    }
}
