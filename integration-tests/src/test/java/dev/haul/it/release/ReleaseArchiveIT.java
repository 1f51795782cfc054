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
