package dev.haul.core.storage;

import dev.haul.core.resume.ResumeRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small text file beside {@code NAME.part} ({@code NAME.part.meta}) that makes it resumable:
 * the URL, the validator and the total size (and, when segmented, the saved ranges and the sources). Written atomically (temporary file, then rename),
 * never through a symbolic link. One {@code key=value} a line, after a version line.
 */
public final class Sidecar {
    public static final String SUFFIX = ".meta";
    private static final String MAGIC = "haul-part 1";

    private Sidecar() {}

    public static Path pathFor(Path partPath) {
        return partPath.resolveSibling(partPath.getFileName() + SUFFIX);
    }

    /** The record, or empty when there is none or it is unreadable (then the .part is not trusted). */
    public static Optional<ResumeRecord> read(Path sidecar) {
        try {
            if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS) || Files.size(sidecar) > 64 * 1024) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(sidecar, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) return Optional.empty();
            Map<String, String> kv = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int eq = line.indexOf('=');
                if (eq > 0) kv.put(line.substring(0, eq), line.substring(eq + 1));
            }
            if (!kv.containsKey("url")) return Optional.empty();
            long total = Long.parseLong(kv.getOrDefault("total", "-1"));
            return Optional.of(new ResumeRecord(kv.get("url"), emptyToNull(kv.get("etag")),
                    emptyToNull(kv.get("last-modified")), total, kv.get("ranges"), emptyToNull(kv.get("sources"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static void write(Path sidecar, ResumeRecord r) throws IOException {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        b.append("url=").append(oneLine(r.url())).append('\n');
        if (r.etag() != null) b.append("etag=").append(oneLine(r.etag())).append('\n');
        if (r.lastModified() != null) b.append("last-modified=").append(oneLine(r.lastModified())).append('\n');
        b.append("total=").append(r.total()).append('\n');
        if (r.ranges() != null) b.append("ranges=").append(oneLine(r.ranges())).append('\n');
        if (r.sources() != null) b.append("sources=").append(oneLine(r.sources())).append('\n');
        Path tmp = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
        if (Files.isSymbolicLink(tmp)) Files.delete(tmp);
        Files.write(tmp, b.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        Files.move(tmp, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void delete(Path sidecar) {
        try {
            Files.deleteIfExists(sidecar);
        } catch (IOException ignored) {
            // a stale sidecar is harmless: it is checked against the URL and validator before use
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
