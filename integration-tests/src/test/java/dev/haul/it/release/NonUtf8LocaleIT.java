package dev.haul.it.release;

import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under LANG=C the JVM writes file names in ASCII: the launcher starts it with a UTF-8 character
 * type, so a URL ending {@code caf%C3%A9.txt} is saved as {@code café.txt}; a bare
 * {@code java -jar} saves it under a name with {@code _} for the {@code é}. Neither hangs or fails.
 */
class NonUtf8LocaleIT {
    /** An empty variable counts as unset for the C library: only LANG=C is left. */
    private static final Map<String, String> LANG_C = Map.of("LANG", "C", "LC_ALL", "", "LC_CTYPE", "");

    @TempDir
    static Path unpacked;

    @TempDir
    Path work;

    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("haul.release"));
        Launch.Result tar = Launch.run(unpacked, Map.of(), "tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        assertEquals(0, tar.exitCode(), tar::describe);
        root = unpacked.resolve("haul-" + System.getProperty("haul.version"));
    }

    @Test
    void theLauncherSavesTheNameAsUtf8() throws Exception {
        assumeTrue(System.getProperty("sun.jnu.encoding", "").equalsIgnoreCase("UTF-8"), "this test's own JVM names files in UTF-8");
        byte[] body = body();
        Path dir = work.resolve("out");
        try (OneFileServer server = new OneFileServer("/café.txt", body)) {
            Launch.Result run = Launch.run(work, LANG_C, root.resolve("bin/haul").toString(), "-d", dir.toString(),
                    server.url("/caf%C3%A9.txt"));

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(List.of(dir + "/café.txt"), run.stdoutLines(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("café.txt")));
        }
    }

    @Test
    void javaDashJarSavesASafeFallbackName() throws Exception {
        byte[] body = body();
        Path dir = work.resolve("out");
        try (OneFileServer server = new OneFileServer("/café.txt", body)) {
            HaulProcess.Builder builder = haul("-d", dir.toString(), server.url("/caf%C3%A9.txt"));
            LANG_C.forEach(builder::env);
            HaulProcess.Result run = builder.run();

            assertEquals(0, run.exitCode(), run.describe());
            assertEquals(List.of(dir + "/caf_.txt"), run.stdoutLines(), run.describe());
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("caf_.txt")));
            assertTrue(run.stderrLines().stream().noneMatch(l -> l.contains("Exception")), run.describe());
        }
    }

    private static byte[] body() {
        byte[] body = new byte[50_000];
        new Random(5).nextBytes(body);
        return body;
    }
}
