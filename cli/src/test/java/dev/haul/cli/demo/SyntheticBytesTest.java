package dev.haul.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticBytesTest {
    private static final Resource.Synthetic BIN = new Resource.Synthetic("data.bin", 10_000, 1);
    private static final Resource.Synthetic TXT = new Resource.Synthetic("notes.txt", 10_000, 1);

    private static byte[] all(Resource.Synthetic f) {
        byte[] b = new byte[(int) f.size()];
        SyntheticBytes.of(f).fill(0, b, 0, b.length);
        return b;
    }

    @Test
    void anyOffsetGivesTheBytesAReadFromTheStartWould() {
        for (Resource.Synthetic f : new Resource.Synthetic[] {BIN, TXT}) {
            byte[] whole = all(f);
            for (int from : new int[] {0, 1, 7, 8, 9, 71, 72, 4095, 9_990}) {
                for (int len : new int[] {0, 1, 3, 8, 10}) {
                    byte[] slice = new byte[len + 2];
                    SyntheticBytes.of(f).fill(from, slice, 1, len);
                    assertArrayEquals(Arrays.copyOfRange(whole, from, from + len), Arrays.copyOfRange(slice, 1, 1 + len),
                            f.name() + " at " + from + " for " + len);
                }
            }
        }
    }

    @Test
    void textFilesAreLinesOfPrintableCharacters() {
        byte[] text = all(TXT);
        for (int i = 0; i < text.length; i++) {
            if (i % 72 == 71) {
                assertEquals('\n', text[i], "line end at " + i);
            } else {
                assertTrue(text[i] >= 0x20 && text[i] < 0x7f, "printable at " + i);
            }
        }
    }

    @Test
    void binaryFilesUseEveryByteValue() {
        boolean[] seen = new boolean[256];
        for (byte b : all(BIN)) seen[b & 0xFF] = true;
        for (int v = 0; v < 256; v++) assertTrue(seen[v], "byte value " + v);
    }

    @Test
    void theNameAloneDecidesTheBytes() {
        assertArrayEquals(all(BIN), all(new Resource.Synthetic("data.bin", 10_000, 999)));
        assertFalse(Arrays.equals(all(BIN), all(new Resource.Synthetic("data2.bin", 10_000, 1))));
    }

    @Test
    void theEtagChangesWithTheNameAndTheSize() {
        String etag = SyntheticBytes.of(BIN).etag();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""));
        assertNotEquals(etag, SyntheticBytes.of(new Resource.Synthetic("data.bin", 10_001, 1)).etag());
        assertNotEquals(etag, SyntheticBytes.of(new Resource.Synthetic("data2.bin", 10_000, 1)).etag());
    }

    @Test
    void readingPastTheEndIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> SyntheticBytes.of(BIN).fill(9_999, new byte[2], 0, 2));
    }

    /** A change to the generator changes every demo file: it should be a deliberate one. */
    @Test
    void theDemoFilesStayTheSameFromReleaseToRelease() {
        assertEquals("381b1b0a18b707cf9b027a84b0af989cdc30fb9bb79fc03eeba0b6bbd666ef09", DemoServer.sha256("readme.txt"));
    }
}
