package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redirects are followed up to a limit; the file keeps the name of the URL the user gave. */
class RedirectIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    private void redirect(String from, int status, String to) {
        server.stubFor(get(urlEqualTo(from)).willReturn(aResponse().withStatus(status).withHeader("Location", to)));
    }

    @Test
    void chainOf301And302And307IsFollowedAndNamedAfterTheGivenUrl() {
        ServedFile target = ServedFile.of("actual-name.dat", 7, 50_000).stubOn(server);
        String base = LoopbackServer.baseUrl(server);
        redirect("/dl/chain.bin", 301, "/hop/one");
        redirect("/hop/one", 302, base + "/hop/two");
        redirect("/hop/two", 307, target.path());

        HaulProcess.Result run = haul("-d", dir.toString(), base + "/dl/chain.bin").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("chain.bin").toString()), run.stdoutLines(), run::describe);
        assertEquals(target.sha256(), Sha256.of(dir.resolve("chain.bin")));
        assertEquals(Set.of("chain.bin"), DirListing.names(dir));
    }

    @Test
    void contentDispositionOfTheFinalResponseNamesTheFile() {
        byte[] body = Bodies.of(8, 3_000);
        server.stubFor(get(urlEqualTo("/cdn/blob/123")).willReturn(aResponse().withStatus(200).withBody(body)
                .withHeader("Content-Disposition", "attachment; filename=\"release-notes.txt\"")));
        redirect("/latest", 302, "/cdn/blob/123");

        HaulProcess.Result run = haul("-d", dir.toString(), LoopbackServer.baseUrl(server) + "/latest").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("release-notes.txt").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("release-notes.txt")));
    }

    @Test
    void redirectLoopFailsWithExitOneAndSavesNothing() {
        String base = LoopbackServer.baseUrl(server);
        redirect("/loop/a.bin", 302, base + "/loop/b.bin");
        redirect("/loop/b.bin", 302, base + "/loop/a.bin");

        HaulProcess.Result run = haul("-d", dir.toString(), base + "/loop/a.bin").run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertTrue(run.stderr().contains(base + "/loop/a.bin"), run::describe);
        assertTrue(DirListing.names(dir).stream().noneMatch(n -> n.equals("a.bin") || n.equals("b.bin")),
                () -> "files: " + DirListing.names(dir));
    }

    @Test
    void maxRedirectsTwoRejectsAThreeHopChain() {
        ServedFile target = ServedFile.of("t3.bin", 3, 1000).stubOn(server);
        redirect("/three/start.bin", 302, "/three/2");
        redirect("/three/2", 302, "/three/3");
        redirect("/three/3", 302, target.path());

        HaulProcess.Result run = haul("--max-redirects", "2", "-d", dir.toString(),
                LoopbackServer.baseUrl(server) + "/three/start.bin").run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertTrue(DirListing.names(dir).stream().noneMatch(n -> n.equals("start.bin") || n.equals("t3.bin")),
                () -> "files: " + DirListing.names(dir));
    }

    @Test
    void maxRedirectsTwoFollowsATwoHopChain() {
        ServedFile target = ServedFile.of("t2.bin", 2, 1000).stubOn(server);
        redirect("/two/start.bin", 302, "/two/2");
        redirect("/two/2", 302, target.path());

        HaulProcess.Result run = haul("--max-redirects", "2", "-d", dir.toString(),
                LoopbackServer.baseUrl(server) + "/two/start.bin").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(target.sha256(), Sha256.of(dir.resolve("start.bin")));
    }
}
