package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The contract's order: -o name, Content-Disposition, URL, index.html. */
class ChooseNameTest {
    private static final URI URL = URI.create("http://h/dir/from-url.bin?q=1");
    private static final String HEADER = "attachment; filename=\"from-header.bin\"";

    @Test
    void outNameWinsOverEverything() {
        assertEquals("mine.txt", TargetNames.choose("mine.txt", HEADER, URL));
    }

    @Test
    void outNameIsSanitizedToo() {
        assertEquals("mine.txt", TargetNames.choose("../mine.txt", HEADER, URL));
    }

    @Test
    void unusableOutNameFallsThroughToTheHeader() {
        assertEquals("from-header.bin", TargetNames.choose("..", HEADER, URL));
    }

    @Test
    void headerWinsOverUrl() {
        assertEquals("from-header.bin", TargetNames.choose(null, HEADER, URL));
    }

    @Test
    void urlIsUsedWithoutHeader() {
        assertEquals("from-url.bin", TargetNames.choose(null, null, URL));
    }

    @Test
    void urlIsUsedWhenHeaderHasNoUsableName() {
        assertEquals("from-url.bin", TargetNames.choose(null, "attachment; filename=\"/\"", URL));
    }

    @Test
    void fallbackIsUsedForARootUrl() {
        assertEquals(TargetNames.FALLBACK, TargetNames.choose(null, "inline", URI.create("http://h/")));
    }

    @Test
    void encodedTraversalInUrlFallsBackToIndexHtml() {
        assertEquals("index.html", TargetNames.choose(null, null, URI.create("http://h/a/%2e%2e%2f")));
    }

    @Test
    void nothingAtAllGivesTheFallback() {
        assertEquals("index.html", TargetNames.choose(null, null, null));
    }
}
