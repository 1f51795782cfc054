package dev.haul.cli.progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisplayWidthTest {

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertEquals(5, DisplayWidth.of("abcde"));
        assertEquals(6, DisplayWidth.of("日本語"));
        assertEquals(3, DisplayWidth.of("e\u0301te\u0301"));
        assertEquals(2, DisplayWidth.of("\uD83D\uDE00"));
    }

    @Test
    void truncatingInTheMiddleKeepsBothEnds() {
        assertEquals("report-20…final.pdf", DisplayWidth.truncateMiddle("report-2026-11-26-final.pdf", 19));
        assertEquals("short.txt", DisplayWidth.truncateMiddle("short.txt", 9));
        assertEquals("…", DisplayWidth.truncateMiddle("abc", 1));
        assertEquals("", DisplayWidth.truncateMiddle("abc", 0));
    }

    @Test
    void truncatingNeverSplitsAWideCharacterAcrossTheLimit() {
        String cut = DisplayWidth.truncateMiddle("日本語のファイル名.txt", 10);
        // 9 columns: one more would cut 名 in half, so the column stays empty instead.
        assertEquals("日本….txt", cut);
        assertEquals("日本語…", DisplayWidth.truncateEnd("日本語のファイル", 8));
    }

    @Test
    void paddingCountsColumnsNotChars() {
        assertEquals("日本  ", DisplayWidth.padRight("日本", 6));
        assertEquals("  日本", DisplayWidth.padLeft("日本", 6));
    }
}
