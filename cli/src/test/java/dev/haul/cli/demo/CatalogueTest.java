package dev.haul.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void theStandardCatalogueHasQuickSlowFailingAndRedirectedFiles() {
        Catalogue c = Catalogue.standard();
        assertEquals(List.of("readme.txt", "photo.jpg", "slow-video.mkv", "album.zip", "dataset.csv", "broken.iso",
                "latest.tar.gz", "release-1.2.tar.gz"), c.names());
        assertTrue(c.resources().contains(new Resource.Failing("broken.iso", 500)));
        assertEquals("release-1.2.tar.gz", c.contentOf("latest.tar.gz").name());
    }

    @Test
    void aRedirectHasTheChecksumOfItsTarget() {
        assertEquals(DemoServer.sha256("release-1.2.tar.gz"), DemoServer.sha256("latest.tar.gz"));
    }

    @Test
    void aFailingFileHasNoChecksum() {
        assertNull(Catalogue.standard().contentOf("broken.iso"));
        assertThrows(IllegalArgumentException.class, () -> DemoServer.sha256("broken.iso"));
        assertThrows(IllegalArgumentException.class, () -> DemoServer.sha256("no-such-file"));
    }

    @Test
    void namesAreUniqueAndRedirectsLeadSomewhere() {
        Resource.Synthetic a = new Resource.Synthetic("a", 1, 1);
        assertThrows(IllegalArgumentException.class, () -> Catalogue.of(List.of(a, new Resource.Failing("a", 500))));
        assertThrows(IllegalArgumentException.class, () -> Catalogue.of(List.of(a, new Resource.Redirect("b", "c"))));
    }

    @Test
    void namesMustBeOnePathSegmentOfSafeCharacters() {
        assertThrows(IllegalArgumentException.class, () -> new Resource.Synthetic("a/b", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Resource.Synthetic("a b", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Resource.Synthetic("", 1, 1));
    }

    @Test
    void aRedirectLoopHasNoContent() {
        Catalogue loop = Catalogue.of(List.of(new Resource.Redirect("x", "y"), new Resource.Redirect("y", "x")));
        assertThrows(IllegalArgumentException.class, () -> loop.sha256("x"));
    }
}
