package dev.haul.cli.queue;

import dev.haul.cli.input.ListEntry;
import dev.haul.cli.input.UrlListParser;
import dev.haul.core.DownloadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SessionFileTest {
    @TempDir
    Path dir;

    @Test
    void aLineIsTheListFormatWithoutUserInfoAndReadsBackAsTheSameRequest() {
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        DownloadRequest r = new DownloadRequest(URI.create("https://bob:secret@example.org/get?id=7"), "report.pdf", sha);

        String line = SessionFile.line(r);

        assertEquals("https://example.org/get?id=7 out=report.pdf sha256=" + sha, line);
        ListEntry.Request back = (ListEntry.Request) UrlListParser.parseLine(line, 1).orElseThrow();
        assertEquals(new DownloadRequest(URI.create("https://example.org/get?id=7"), "report.pdf", sha), back.request());
    }

    @Test
    void aWriteReplacesTheWholeFileReadableByItsOwnerOnly() throws Exception {
        SessionFile file = new SessionFile(dir.resolve("q.session"));
        file.write("http://h/a\nhttp://h/b\n");
        file.write("http://h/b\n");

        assertEquals(List.of("http://h/b"), file.read());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertFalse(Files.exists(dir.resolve("q.session.tmp")));
        file.write("");
        assertEquals(0, Files.size(file.path()));
    }

    @Test
    void aMissingFileHasNoItems() throws Exception {
        assertEquals(List.of(), new SessionFile(dir.resolve("none")).read());
    }
}
