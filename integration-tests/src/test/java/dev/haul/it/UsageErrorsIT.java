package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A usage error is exit 2 and one clear line on stderr, before anything is downloaded: a good URL
 * given beside the mistake is not fetched either.
 */
class UsageErrorsIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    private ServedFile good;

    @BeforeEach
    void serveAGoodFile() {
        good = ServedFile.of("good.bin", 9, 1000).stubOn(server);
    }

    @Test
    void ftpUrlExitsTwoNamingTheUrlAndDownloadsNothing() {
        HaulProcess.Result run = haul("-d", dir.toString(), good.url(server), "ftp://x/y").run();

        assertUsageError(run);
        assertTrue(run.stderrLines().get(0).contains("ftp://x/y"), run::describe);
    }

    @Test
    void headerValueWithCarriageReturnAndLineFeedExitsTwo() {
        HaulProcess.Result run = haul("-H", "X: a\r\nb", "-d", dir.toString(), good.url(server)).run();

        assertUsageError(run);
    }

    @Test
    void outputNameWithTwoUrlsExitsTwo() {
        HaulProcess.Result run = haul("-o", "name", "-d", dir.toString(),
                good.url(server), LoopbackServer.baseUrl(server) + "/files/other.bin").run();

        assertUsageError(run);
    }

    @Test
    void unknownOptionExitsTwo() {
        HaulProcess.Result run = haul("--no-such-option", "-d", dir.toString(), good.url(server)).run();

        assertUsageError(run);
        assertTrue(run.stderrLines().get(0).contains("--no-such-option"), run::describe);
    }

    @Test
    void urlWithoutHostExitsTwo() {
        HaulProcess.Result run = haul("-d", dir.toString(), "http:///nohost.bin").run();

        assertUsageError(run);
        assertTrue(run.stderrLines().get(0).contains("http:///nohost.bin"), run::describe);
    }

    private void assertUsageError(HaulProcess.Result run) {
        assertEquals(2, run.exitCode(), run::describe);
        assertEquals(1, run.stderrLines().size(), run::describe);
        assertFalse(run.stderr().contains("\tat "), run::describe);
        assertFalse(run.stderr().contains("Exception"), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertEquals(Set.of(), DirListing.names(dir), "nothing downloaded");
        assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size(), "no request reached the server");
    }
}
