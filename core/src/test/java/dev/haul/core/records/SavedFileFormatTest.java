package dev.haul.core.records;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SavedFileFormatTest {
    private static final SavedFile ODD = new SavedFile("a\tb%c.bin", "http://h/x?q=1%202", "W/\"e\ttag\"", null, 42);

    @Test
    void aRecordReadsBackAsWritten() {
        SavedFile plain = new SavedFile("f.iso", "https://example.org/f.iso", "\"abc\"", "Mon, 07 Dec 2026 00:32:20 GMT", 7);
        String text = SavedFileFormat.HEADER + "\n" + SavedFileFormat.line(plain) + SavedFileFormat.line(ODD);

        assertEquals(List.of(plain, ODD), SavedFileFormat.parse(text));
    }

    @Test
    void aTornLastLineIsIgnoredAndTheRestKept() {
        String whole = SavedFileFormat.line(ODD);
        String text = SavedFileFormat.HEADER + "\n" + whole + whole.substring(0, whole.length() / 2);

        assertEquals(List.of(ODD), SavedFileFormat.parse(text));
    }

    @Test
    void linesThatDoNotParseAreSkipped() {
        String text = SavedFileFormat.HEADER + "\nonly\ttwo\n" + "n\tu\t-\t-\tnot-a-number\n" + "n\tu\t-\t-\t-5\n"
                + "n\tu\t-\t-\t5\n" + "bad%zz\tu\t-\t-\t1\n";

        assertEquals(List.of(new SavedFile("n", "u", null, null, 5)), SavedFileFormat.parse(text));
    }

    @Test
    void aFileOfAnotherVersionReadsAsEmpty() {
        assertEquals(List.of(), SavedFileFormat.parse("haul-saved 2\n" + SavedFileFormat.line(ODD)));
        assertEquals(List.of(), SavedFileFormat.parse(""));
        assertEquals(List.of(), SavedFileFormat.parse("\u0000\u0001garbage"));
    }
}
