package dev.haul.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code haul completion bash|zsh} prints scripts generated from the command model, which the shells can parse. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    private String completion(String shell) {
        Harness h = new Harness(dir);
        assertEquals(0, h.haul("completion", shell), h.err());
        return h.out();
    }

    @Test
    void bashScriptRegistersHaulWithItsOptionsAndSubcommands() {
        String script = completion("bash");
        assertTrue(script.contains("complete -F _complete_haul"), script);
        for (String word : new String[] {"--netrc-file", "--proxy", "--no-config", "--on-exists", "demo", "completion"}) {
            assertTrue(script.contains(word), word);
        }
    }

    @Test
    void bashScriptPassesBashN() throws Exception {
        assertSyntaxOk("bash", completion("bash"));
    }

    @Test
    void zshScriptRunsTheBashScriptUnderBashcompinit() throws Exception {
        String script = completion("zsh");
        assertTrue(script.startsWith("#compdef haul\n"), script);
        assertTrue(script.contains("autoload -U +X bashcompinit && bashcompinit"), script);
        assertTrue(script.contains("complete -F _complete_haul"), script);
        assertSyntaxOk("bash", script);
        if (onPath("zsh")) assertSyntaxOk("zsh", script);
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Harness h = new Harness(dir);
        assertEquals(ExitCodes.USAGE, h.haul("completion", "fish"));
        assertTrue(h.err().contains("fish"), h.err());
    }

    private void assertSyntaxOk(String shell, String script) throws IOException, InterruptedException {
        assumeTrue(onPath(shell), shell + " is not installed");
        Path file = Files.writeString(dir.resolve("script." + shell), script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(shell, "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), shell + " -n hung");
        assertEquals(0, p.exitValue(), shell + " -n: " + output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }
}
