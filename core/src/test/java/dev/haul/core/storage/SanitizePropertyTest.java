package dev.haul.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever string comes in, what comes out is empty or a safe single name inside the directory. */
class SanitizePropertyTest {
    private static final int CASES = 10_000;
    private static final Path DIR = Path.of("/tmp/dir");
    /** The charset the JVM uses for file names; with a non-UTF-8 locale not every name maps to a path. */
    private static final Charset FILE_NAME_CHARSET = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    private static final String TRICKY = "/\\.. \t\u0000\u001f\u007f\u0085\u009f\u00a0\u202e\u2028%";

    @Test
    void randomStringsSanitizeToSafeNamesOrNothing() {
        Random random = new Random(20240611L);
        int named = 0;
        for (int i = 0; i < CASES; i++) {
            String raw = randomString(random);
            Optional<String> result = TargetNames.sanitize(raw);
            if (result.isEmpty()) continue;
            named++;
            String name = result.get();
            assertSafe(name, raw);
            assertEquals(result, TargetNames.sanitize(name), () -> "not stable for " + escape(raw));
            String candidate = TargetNames.numbered(name, 1 + random.nextInt(100_000));
            assertTrue(utf8Bytes(candidate) <= 255, () -> "numbered too long for " + escape(raw));
        }
        assertTrue(named > CASES / 2, "too few usable names to say much: " + named);
    }

    private static void assertSafe(String name, String raw) {
        String why = "for input " + escape(raw) + " got " + escape(name);
        assertFalse(name.isEmpty(), why);
        assertNotEquals(".", name, why);
        assertNotEquals("..", name, why);
        assertFalse(name.startsWith("."), why);
        assertFalse(name.isBlank(), why);
        name.chars().forEach(c -> {
            assertTrue(c != '/' && c != '\\', why);
            assertTrue(c >= 0x20 && (c < 0x7f || c > 0x9f), why);
        });
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(name), why);
        assertTrue(utf8Bytes(name) <= 255, why);
        assertEquals(DIR, DIR.resolve(pathSafe(name)).normalize().getParent(), why);
    }

    /** The name itself, or with non-ASCII replaced when the platform cannot encode it as a path (dots and slashes are ASCII). */
    private static String pathSafe(String name) {
        if (FILE_NAME_CHARSET.newEncoder().canEncode(name)) return name;
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> out.append(cp < 0x80 ? (char) cp : '_'));
        return out.toString();
    }

    private static String randomString(Random random) {
        int length = random.nextInt(10) == 0 ? 200 + random.nextInt(200) : random.nextInt(20);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> out.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
                case 1 -> out.append((char) random.nextInt(0xa0)); // C0, ASCII, DEL, C1
                case 2 -> out.append((char) (0xd800 + random.nextInt(0x800))); // a surrogate, often unpaired
                case 3 -> out.appendCodePoint(0x1f300 + random.nextInt(0x300)); // emoji, a proper pair
                case 4 -> out.appendCodePoint(random.nextInt(0x110000)); // anything, surrogates included
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }
}
