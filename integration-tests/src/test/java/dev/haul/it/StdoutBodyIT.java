package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code -o -} makes haul a pipe: the body and nothing else on stdout, no file on disk. */
class StdoutBodyIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path cwd;

    @Test
    void dashOWritesExactlyTheBodyToStdout() {
        ServedFile file = ServedFile.of("stream.bin", 42, 300_000).stubOn(server);

        HaulProcess.Result run = haul("-o", "-", file.url(server)).cwd(cwd).run();

        assertEquals(0, run.exitCode(), () -> "exit " + run.exitCode() + "\nstderr:\n" + run.stderr());
        assertEquals(file.body().length, run.stdout().length, "stdout holds the body and nothing else");
        assertEquals(file.sha256(), Sha256.of(run.stdout()));
        assertEquals(Set.of(), DirListing.names(cwd), "nothing written to the working directory");
    }

    @Test
    void dashOWithNotFoundPrintsNothingOnStdoutAndExitsOne() {
        server.stubFor(get(urlEqualTo("/files/absent.bin"))
                .willReturn(aResponse().withStatus(404).withBody("<html>not found</html>")));

        HaulProcess.Result run = haul("-o", "-", LoopbackServer.baseUrl(server) + "/files/absent.bin").cwd(cwd).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(0, run.stdout().length, "the error page is not the body: " + run.describe());
        assertEquals(Set.of(), DirListing.names(cwd));
    }

    @Test
    void dashOStreamsAFileOfSixteenMebibytes() {
        ServedFile file = ServedFile.of("big.bin", 44, 16 * 1024 * 1024).stubOn(server);

        HaulProcess.Result run = haul("-o", "-", file.url(server)).cwd(cwd).run();

        assertEquals(0, run.exitCode(), () -> "exit " + run.exitCode() + "\nstderr:\n" + run.stderr());
        assertEquals(file.sha256(), Sha256.of(run.stdout()));
    }

    @Test
    void dashOWithVerboseStillKeepsStdoutToTheBody() {
        ServedFile file = ServedFile.of("small.txt", 43, 1234).stubOn(server);

        HaulProcess.Result run = haul("-v", "-o", "-", file.url(server)).cwd(cwd).run();

        assertEquals(0, run.exitCode(), () -> "exit " + run.exitCode() + "\nstderr:\n" + run.stderr());
        assertEquals(file.sha256(), Sha256.of(run.stdout()));
    }
}
