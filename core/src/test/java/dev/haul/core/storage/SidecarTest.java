package dev.haul.core.storage;

import dev.haul.core.resume.ResumeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SidecarTest {
    @TempDir
    Path dir;

    @Test
    void writtenRecordReadsBackTheSame() throws Exception {
        Path meta = Sidecar.pathFor(dir.resolve("f.bin.part"));
        ResumeRecord r = new ResumeRecord("http://h/f.bin", "\"e1\"", "Wed, 01 Jan 2025 00:00:00 GMT", 1234);
        Sidecar.write(meta, r);
        assertEquals("f.bin.part.meta", meta.getFileName().toString());
        assertEquals(r, Sidecar.read(meta).orElseThrow());
    }

    @Test
    void rangesAndSourcesReadBack() throws Exception {
        Path meta = Sidecar.pathFor(dir.resolve("m.bin.part"));
        ResumeRecord r = new ResumeRecord("http://h/m.bin", "\"e\"", null, 4096, "0-100,200-300",
                "http://h/m.bin http://mirror:8080/pub/m.bin");
        Sidecar.write(meta, r);
        assertEquals(r, Sidecar.read(meta).orElseThrow());
        assertEquals(r, Sidecar.read(meta).orElseThrow().withRanges(r.rangeList()), "ranges keep the sources");
    }

    @Test
    void garbageOrMissingSidecarIsNotTrusted() throws Exception {
        Path meta = dir.resolve("x.part.meta");
        assertTrue(Sidecar.read(meta).isEmpty());
        Files.writeString(meta, "something else\nurl=http://h/\n", StandardCharsets.UTF_8);
        assertTrue(Sidecar.read(meta).isEmpty());
    }

    @Test
    void writingNeverFollowsALinkAtTheSidecarPath() throws Exception {
        Path outside = Files.writeString(Files.createTempFile("outside", ".txt"), "keep me");
        Path meta = dir.resolve("y.part.meta");
        Files.createSymbolicLink(meta, outside);
        Sidecar.write(meta, new ResumeRecord("http://h/y", null, null, -1));
        assertEquals("keep me", Files.readString(outside));
        assertFalse(Files.isSymbolicLink(meta));
        Files.delete(outside);
    }
}
