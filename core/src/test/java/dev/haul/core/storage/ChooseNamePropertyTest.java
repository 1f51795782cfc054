package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The name a download is saved under comes from {@link TargetNames#choose}, fed by what the
 * network says: a Content-Disposition header and a URL path with percent escapes, both hostile
 * here. Whatever they say, the name is a safe single base name inside the directory, and so is
 * every numbered name --on-exists rename may try.
 */
class ChooseNamePropertyTest {
    private static final int CASES = 5_000;
    private static final Path DIR = Path.of("/srv/downloads");
    private static final Charset FILE_NAME_CHARSET = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    private static final String TRICKY = "/\\.. \t\"';=*%\u0000\u001f\u007f\u0085\u009f\u00a0\u061c\u200e\u202e\u2028\u2066";
    /** Escapes that decode to separators, NUL, dots, overlong or invalid UTF-8, bidi marks, or themselves encoded once more. */
    private static final String[] HOSTILE_ESCAPES = {
        "%2F", "%2f", "%5C", "%00", "%2e", "%2E%2E", "%c0%af", "%c0%ae", "%e2%80%ae", "%e2%80%a8", "%ff", "%0a", "%0d",
        "%25", "%252F", "%252e%252e", "%c2%85", "%f0%9f%98%80", "%ed%a0%80",
    };

    @Test
    void namesFromHostileHeadersAndUrlsAreSafeBaseNamesInsideTheDirectory() {
        Random random = new Random(20240612L);
        for (int i = 0; i < CASES; i++) {
            String raw = randomString(random);
            URI url = URI.create("http://h.example/files/" + randomEscapedSegment(random) + "?q=/etc/passwd#../x");
            String header = randomDisposition(random, raw);
            String outName = random.nextInt(4) == 0 ? raw : null;
            String name = TargetNames.choose(outName, random.nextInt(3) == 0 ? null : header, url);
            String why = "out=" + escape(outName) + " header=" + escape(header) + " url=" + url;
            assertSafeInsideDir(name, why);
            assertEquals(name, TargetNames.sanitize(name).orElse(null), () -> "a chosen name is already clean: " + why);
            int n = random.nextInt(4) == 0 ? 1 + random.nextInt(1_000_000) : 1 + random.nextInt(10);
            assertSafeInsideDir(TargetNames.numbered(name, n), why + " numbered " + n);
        }
    }

    /**
     * While downloading, the bytes go to NAME.part and the resume record to NAME.part.meta
     * (written through NAME.part.meta.tmp): those names must fit the 255-byte limit too, or a
     * long but legal name cannot be downloaded at all.
     */
    @Test
    void partAndSidecarNamesFitTheFileNameLimit() {
        Random random = new Random(20240613L);
        for (int i = 0; i < CASES; i++) {
            String raw = randomString(random) + "x".repeat(random.nextInt(300));
            String name = TargetNames.choose(raw, null, null);
            Path part = PartFile.partPathFor(DIR.resolve(name));
            Path sidecar = Sidecar.pathFor(part);
            String tmp = sidecar.getFileName() + ".tmp";
            assertTrue(utf8Bytes(tmp) <= 255, () -> tmp.length() + " chars, " + utf8Bytes(tmp) + " bytes: " + escape(tmp));
        }
    }

    private static void assertSafeInsideDir(String name, String why) {
        String what = why + " -> " + escape(name);
        assertFalse(name == null || name.isEmpty() || name.isBlank(), what);
        assertNotEquals(".", name, what);
        assertNotEquals("..", name, what);
        assertFalse(name.startsWith("."), what);
        name.chars().forEach(c -> {
            assertTrue(c != '/' && c != '\\', what);
            assertTrue(c >= 0x20 && (c < 0x7f || c > 0x9f), what);
            assertFalse(c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029, what);
        });
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(name), what);
        assertTrue(utf8Bytes(name) <= 255, what);
        Path resolved = DIR.resolve(pathSafe(name)).normalize();
        assertEquals(DIR, resolved.getParent(), what);
        assertEquals(1, DIR.relativize(resolved).getNameCount(), what);
    }

    /** Non-ASCII replaced when the platform cannot encode it as a path (dots and slashes are ASCII). */
    private static String pathSafe(String name) {
        if (FILE_NAME_CHARSET.newEncoder().canEncode(name)) return name;
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> out.append(cp < 0x80 ? (char) cp : '_'));
        return out.toString();
    }

    /** A URL path segment: random text percent-encoded as UTF-8, with hostile escapes and bare characters mixed in. */
    private static String randomEscapedSegment(Random random) {
        StringBuilder out = new StringBuilder();
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(3)) {
                case 0 -> out.append(HOSTILE_ESCAPES[random.nextInt(HOSTILE_ESCAPES.length)]);
                case 1 -> out.append(percentEncode(randomString(random)));
                default -> out.append("abc.-_~".charAt(random.nextInt(7)));
            }
        }
        return out.toString();
    }

    /** A Content-Disposition value built around {@code raw}: quoted, extended, both, or raw junk. */
    private static String randomDisposition(Random random, String raw) {
        String quoted = "\"" + raw.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return switch (random.nextInt(5)) {
            case 0 -> "attachment; filename=" + quoted;
            case 1 -> "attachment; filename*=UTF-8''" + percentEncode(raw);
            case 2 -> "attachment; filename*=UTF-8''" + randomEscapedSegment(random) + "; filename=" + quoted;
            case 3 -> "inline; filename=" + raw;
            default -> raw;
        };
    }

    private static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String randomString(Random random) {
        int length = random.nextInt(10) == 0 ? 200 + random.nextInt(200) : random.nextInt(20);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0, 1 -> out.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
                case 2 -> out.append((char) random.nextInt(0xa0));
                case 3 -> out.append((char) (0xd800 + random.nextInt(0x800)));
                case 4 -> out.appendCodePoint(0x1f300 + random.nextInt(0x300));
                case 5 -> out.appendCodePoint(random.nextInt(0x110000));
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String escape(String s) {
        if (s == null) return "null";
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }
}
