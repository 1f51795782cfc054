package dev.haul.it.release;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * cli/target/haul-VERSION.tar.gz as a user gets it: unpacked into a temporary folder, its
 * bin/haul downloads from a loopback server, and its completion scripts parse.
 */
class ReleaseArchiveIT {
    @TempDir
    static Path unpacked;

    @TempDir
    Path work;

    private static Path root;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("haul.release"));
        assertTrue(Files.isRegularFile(archive), "no release archive at " + archive + " (mvn package builds it)");
        Launch.Result tar = Launch.run(unpacked, Map.of(), "tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        assertEquals(0, tar.exitCode(), tar::describe);
        root = unpacked.resolve("haul-" + System.getProperty("haul.version"));
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarAndTheShellFiles() {
        assertTrue(Files.isExecutable(root.resolve("bin/haul")));
        assertTrue(Files.isRegularFile(root.resolve("lib/haul.jar")));
        assertTrue(Files.isRegularFile(root.resolve("share/bash-completion/completions/haul")));
        assertTrue(Files.isRegularFile(root.resolve("share/zsh/site-functions/_haul")));
        if (Launch.onPath("asciidoctor")) assertTrue(Files.isRegularFile(root.resolve("share/man/man1/haul.1")));
    }

    @Test
    void binHaulDownloadsAFileAndPrintsItsPath() throws Exception {
        byte[] body = new byte[300_000];
        new Random(7).nextBytes(body);
        Path dir = work.resolve("downloads");
        try (OneFileServer server = new OneFileServer("/files/data.bin", body)) {
            Launch.Result run = Launch.run(work, Map.of(), root.resolve("bin/haul").toString(),
                    "-d", dir.toString(), server.url("/files/data.bin"));

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(java.util.List.of(dir + "/data.bin"), run.stdoutLines(), run::describe);
            assertEquals(sha256(body), sha256(Files.readAllBytes(dir.resolve("data.bin"))));
        }
    }

    @Test
    void theLauncherCopiesNettysNativeLibrariesIntoItsCacheOnceAndRunsWithThem() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").equals("amd64"), "the libraries of haul's jar are for Linux x86-64");
        Path cache = Files.createDirectories(work.resolve(".cache")); // an existing cache: the launcher may write there
        byte[] body = new byte[70_000];
        new Random(11).nextBytes(body);
        try (OneFileServer server = new OneFileServer("/f.bin", body)) {
            Launch.Result first = Launch.run(work, Map.of("XDG_CACHE_HOME", cache.toString()), root.resolve("bin/haul").toString(),
                    "-q", "-d", work.resolve("one").toString(), server.url("/f.bin"));
            assertEquals(0, first.exitCode(), first::describe);

            // The copy is made in the background, after the run: wait for its mark of completion.
            dev.haul.it.support.Await.until(() -> completeMark(cache) != null, java.time.Duration.ofSeconds(60),
                    () -> "no native/.complete under " + cache);
            Path natives = completeMark(cache).getParent();
            for (String name : new String[] {"libnetty_transport_native_epoll_x86_64.so", "libnetty_tcnative_linux_x86_64.so"}) {
                byte[] inJar;
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(root.resolve("lib/haul.jar").toFile())) {
                    inJar = jar.getInputStream(jar.getEntry("META-INF/native/" + name)).readAllBytes();
                }
                assertEquals(sha256(inJar), sha256(Files.readAllBytes(natives.resolve(name))), name);
            }

            Launch.Result second = Launch.run(work, Map.of("XDG_CACHE_HOME", cache.toString()), root.resolve("bin/haul").toString(),
                    "-q", "-d", work.resolve("two").toString(), server.url("/f.bin"));
            assertEquals(0, second.exitCode(), second::describe);
            assertEquals("", second.stderr(), second::describe);
            assertEquals(sha256(body), sha256(Files.readAllBytes(work.resolve("two/f.bin"))));

            // Let the background job finish its class-data-sharing archive before the folder is removed.
            dev.haul.it.support.Await.until(() -> trainingDone(natives.getParent()), java.time.Duration.ofSeconds(120),
                    () -> "the launcher's background job did not finish in " + natives.getParent());
        }
    }

    private static boolean trainingDone(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".jsa.failed"))
                    && names.stream().noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".tmp.classes"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path completeMark(Path cache) {
        try (java.util.stream.Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.endsWith("native/.complete")).findFirst().orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            // The job is still moving things (a directory renamed while walked surfaces lazily as
            // UncheckedIOException): look again.
            return null;
        }
    }

    @Test
    void theLauncherFindsItsJarThroughASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("bin")).resolve("haul"), root.resolve("bin/haul"));
        Launch.Result run = Launch.run(work, Map.of(), link.toString(), "--version");

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdoutLines().get(0).startsWith("haul " + System.getProperty("haul.version") + " (commit "), run::describe);
        assertEquals("", run.stderr(), run::describe);
    }

    @Test
    void theConfigFileIsFoundThroughHome() throws Exception {
        Path config = Files.createDirectories(work.resolve(".config/haul")).resolve("config");
        Files.writeString(config, "# made by the test\njobs = 0\n");
        // An empty XDG_CONFIG_HOME counts as unset: the file is then $HOME/.config/haul/config.
        Launch.Result run = Launch.run(work, Map.of("XDG_CONFIG_HOME", ""), root.resolve("bin/haul").toString(), "http://127.0.0.1:9/x");

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("haul: " + config + ", line 2: --jobs must be at least 1\n", run.stderr(), run::describe);
    }

    @Test
    void theBashCompletionPassesBashN() throws Exception {
        assertParses("bash", root.resolve("share/bash-completion/completions/haul"));
    }

    @Test
    void theZshCompletionParses() throws Exception {
        Path zsh = root.resolve("share/zsh/site-functions/_haul");
        assertTrue(Files.readString(zsh).startsWith("#compdef haul"));
        assertParses("bash", zsh);
        if (Launch.onPath("zsh")) assertParses("zsh", zsh);
    }

    @Test
    void theCompletionCommandPrintsTheSameBashScript() throws Exception {
        Launch.Result run = Launch.run(work, Map.of(), root.resolve("bin/haul").toString(), "completion", "bash");
        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Files.readString(root.resolve("share/bash-completion/completions/haul")), run.stdout());
    }

    private void assertParses(String shell, Path script) throws IOException, InterruptedException {
        assumeTrue(Launch.onPath(shell), shell + " is not installed");
        Launch.Result check = Launch.run(work, Map.of(), shell, "-n", script.toString());
        assertEquals(0, check.exitCode(), check::describe);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
