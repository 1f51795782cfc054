package dev.haul.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionAndHelpTest {
    @TempDir
    Path home;

    @Test
    void versionNamesTheBuildTheJavaRuntimeTheTlsProviderAndTheProtocols() {
        Harness h = new Harness(home);
        assertEquals(0, h.haul("--version"));
        List<String> lines = h.out().lines().toList();
        assertEquals(4, lines.size(), h.out());
        assertTrue(lines.get(0).matches("haul \\S+ \\(commit \\S+\\)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version")), lines.get(1));
        assertTrue(lines.get(2).equals("TLS: JDK") || lines.get(2).startsWith("TLS: OpenSSL"), lines.get(2));
        assertTrue(lines.get(3).startsWith("Protocols: http/1.1, h2"), lines.get(3));
    }

    @Test
    void helpGroupsTheOptionsByPurposeInOrder() {
        Harness h = new Harness(home);
        assertEquals(0, h.haul("--help"));
        String help = h.out();
        int at = -1;
        for (String heading : List.of("Input:", "Output:", "Concurrency:", "HTTP:", "TLS:", "Proxy:", "Retries and timeouts:",
                "Display:", "Examples:")) {
            int next = help.indexOf("\n" + heading + "\n");
            assertTrue(next > at, heading + " missing or out of order\n" + help);
            at = next;
        }
    }

    @Test
    void eachOptionSitsUnderItsHeading() {
        Harness h = new Harness(home);
        h.haul("--help");
        String help = h.out();
        int netrcFile = help.indexOf("\n      --netrc-file=");
        assertTrue(netrcFile > help.indexOf("\nHTTP:") && netrcFile < help.indexOf("\nTLS:"), help);
        int jobs = help.indexOf("\n  -j, --jobs=");
        assertTrue(jobs > help.indexOf("\nConcurrency:") && jobs < help.indexOf("\nHTTP:"), help);
        assertTrue(help.indexOf("\n      --stall-timeout=") > help.indexOf("\nRetries and timeouts:"), help);
    }

    @Test
    void helpEndsWithTheExamplesAndTheConfigFile() {
        Harness h = new Harness(home);
        h.haul("--help");
        String help = h.out();
        assertTrue(help.contains("  generate-urls | haul -0 -d out | xargs -0 sha256sum"), help);
        assertTrue(help.contains("haul/config"), help);
        assertTrue(help.strip().endsWith("130/143 interrupted."), help);
    }
}
