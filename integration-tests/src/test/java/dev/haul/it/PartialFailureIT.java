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
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One bad URL does not spoil the others, and the exit code says something failed. */
class PartialFailureIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void notFoundAmongGoodUrlsExitsOneAndSavesTheRest() {
        ServedFile first = ServedFile.of("first.bin", 1, 30_000).stubOn(server);
        ServedFile third = ServedFile.of("third.bin", 3, 70_000).stubOn(server);
        server.stubFor(get(urlEqualTo("/files/gone.bin"))
                .willReturn(aResponse().withStatus(404).withBody("no such file")));
        String missing = LoopbackServer.baseUrl(server) + "/files/gone.bin";

        HaulProcess.Result run = haul("-d", dir.toString(), first.url(server), missing, third.url(server)).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(Set.of(dir.resolve("first.bin").toString(), dir.resolve("third.bin").toString()),
                Set.copyOf(run.stdoutLines()), run::describe);
        assertEquals(2, run.stdoutLines().size(), run::describe);
        assertEquals(first.sha256(), Sha256.of(dir.resolve("first.bin")));
        assertEquals(third.sha256(), Sha256.of(dir.resolve("third.bin")));
        assertEquals(Set.of("first.bin", "third.bin"), DirListing.names(dir), "no gone.bin and no gone.bin.part");
        List<String> namingTheUrl = run.stderrLines().stream().filter(l -> l.contains(missing)).toList();
        assertTrue(!namingTheUrl.isEmpty(), run::describe);
        assertTrue(namingTheUrl.stream().anyMatch(l -> l.contains("404")), run::describe);
    }
}
