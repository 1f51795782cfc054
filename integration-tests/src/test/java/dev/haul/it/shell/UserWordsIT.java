package dev.haul.it.shell;

import dev.haul.it.support.HaulProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a new user reads after a mistake: one line in their words, and what to do instead. */
class UserWordsIT {
    @TempDir
    Path dir;

    @Test
    void aNearMissSubcommandGetsADidYouMean() {
        HaulProcess.Result run = haul("dmeo").cwd(dir).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals(List.of("haul: 'dmeo' is neither a URL nor a command: did you mean `demo`?"), run.stderrLines(), run::describe);
    }

    @Test
    void urlErrorsSayWhatIsMissing() {
        HaulProcess.Result noHost = haul("http://").cwd(dir).run();
        HaulProcess.Result scheme = haul("ftp://example.org/a.iso").cwd(dir).run();

        assertEquals(2, noHost.exitCode(), noHost::describe);
        assertEquals(List.of("haul: bad URL 'http://': http:// needs a host, as in http://example.org/file"),
                noHost.stderrLines(), noHost::describe);
        assertEquals(2, scheme.exitCode(), scheme::describe);
        assertEquals(List.of("haul: bad URL 'ftp://example.org/a.iso': ftp:// is not supported: haul takes http:// and https:// URLs"),
                scheme.stderrLines(), scheme::describe);
    }

    @Test
    void aRetrySaysWhichAttemptOfHowManyAndWhatSetsThat() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        HaulProcess.Result run = haul("--retries", "1", "-d", dir.toString(), "http://127.0.0.1:" + closedPort + "/x").run();

        assertEquals(1, run.exitCode(), run::describe);
        List<String> retries = run.stderrLines().stream().filter(l -> l.startsWith("haul: retrying ")).toList();
        assertEquals(1, retries.size(), run::describe);
        assertTrue(retries.get(0).contains("(attempt 2 of 2, --retries sets how many)"), run::describe);
    }

    @Test
    void aBadConfigLineLeavesHelpAndVersionWorkingWithOneWarning() throws IOException {
        Path config = writeConfig("--jobs = 4\n");

        for (String option : List.of("--help", "-V")) {
            HaulProcess.Result run = haul(option).cwd(dir).env("XDG_CONFIG_HOME", dir.resolve("cfg").toString()).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertTrue(run.stdout().length > 0, run::describe);
            assertEquals(1, run.stderrLines().size(), run::describe);
            assertTrue(run.stderr().startsWith("haul: warning: " + config + ", line 1: "), run::describe);
        }
        HaulProcess.Result download = haul("http://127.0.0.1:9/x").cwd(dir).env("XDG_CONFIG_HOME", dir.resolve("cfg").toString()).run();
        assertEquals(2, download.exitCode(), download::describe);
        assertEquals(List.of("haul: " + config + ", line 1: write settings as 'name = value', without dashes: 'jobs = 4'"),
                download.stderrLines(), download::describe);
    }

    @Test
    void helpShowsTheConfigFilesDefaultsAndBothProxyCases() throws IOException {
        writeConfig("dir = /srv/my downloads\njobs = 3\nheader = Authorization: Bearer hunter2\n");

        HaulProcess.Result run = haul("--help").cwd(dir).env("XDG_CONFIG_HOME", dir.resolve("cfg").toString()).run();

        assertEquals(0, run.exitCode(), run::describe);
        String help = String.join("\n", run.stdoutLines()).replaceAll("\\s+", " ");
        assertTrue(help.contains("Default: /srv/my downloads."), help);
        assertTrue(help.contains("Transfers at once. Default: 3."), help);
        assertTrue(help.contains("dir = /srv/my downloads"), help);
        assertTrue(help.contains("header = Authorization: ***"), help);
        assertFalse(help.contains("hunter2"), help);
        assertTrue(help.contains("http_proxy or HTTP_PROXY"), help);
        assertFalse(help.contains("lower case only"), help);
    }

    private Path writeConfig(String text) throws IOException {
        Path config = dir.resolve("cfg/haul/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, text);
        return config;
    }
}
