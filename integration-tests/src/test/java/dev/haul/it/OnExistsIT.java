package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.haul.it.support.HaulProcess.haul;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An existing file is never clobbered by default; each --on-exists policy does what it says. */
class OnExistsIT {
    private static final byte[] ORIGINAL = "the user's own file\n".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    private ServedFile served;
    private Path existing;

    @BeforeEach
    void existingFileNamedLikeTheDownload() throws IOException {
        served = ServedFile.of("data.bin", 77, 40_000).stubOn(server);
        existing = Files.write(dir.resolve("data.bin"), ORIGINAL);
    }

    @Test
    void defaultSavesAsNameDotOneAndLeavesTheOriginal() throws IOException {
        HaulProcess.Result run = haul("-d", dir.toString(), served.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("data.bin.1").toString()), run.stdoutLines(), run::describe);
        assertEquals(served.sha256(), Sha256.of(dir.resolve("data.bin.1")));
        assertEquals(Sha256.of(ORIGINAL), Sha256.of(existing));
        assertEquals(Set.of("data.bin", "data.bin.1"), DirListing.names(dir));
    }

    @Test
    void renameCountsUpPastNamesAlreadyTaken() throws IOException {
        Files.write(dir.resolve("data.bin.1"), ORIGINAL);

        HaulProcess.Result run = haul("--on-exists", "rename", "-d", dir.toString(), served.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("data.bin.2").toString()), run.stdoutLines(), run::describe);
        assertEquals(served.sha256(), Sha256.of(dir.resolve("data.bin.2")));
        assertEquals(Sha256.of(ORIGINAL), Sha256.of(dir.resolve("data.bin.1")));
    }

    @Test
    void twoUrlsWithTheSameNameInOneRunAreBothSaved() {
        server.stubFor(get("/mirror/data.bin")
                .willReturn(aResponse().withBody(ORIGINAL)));

        HaulProcess.Result run = haul("-d", dir.toString(), served.url(server),
                LoopbackServer.baseUrl(server) + "/mirror/data.bin").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Set.of(dir.resolve("data.bin.1").toString(), dir.resolve("data.bin.2").toString()),
                Set.copyOf(run.stdoutLines()), run::describe);
        assertEquals(Set.of(served.sha256(), Sha256.of(ORIGINAL)),
                Set.of(Sha256.of(dir.resolve("data.bin.1")), Sha256.of(dir.resolve("data.bin.2"))));
        assertEquals(Sha256.of(ORIGINAL), Sha256.of(existing));
    }

    @Test
    void skipKeepsTheOriginalAndStillListsItsPath() {
        HaulProcess.Result run = haul("--on-exists", "skip", "-d", dir.toString(), served.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(existing.toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(ORIGINAL), Sha256.of(existing));
        assertEquals(Set.of("data.bin"), DirListing.names(dir));
    }

    @Test
    void overwriteReplacesTheOriginal() {
        HaulProcess.Result run = haul("--on-exists", "overwrite", "-d", dir.toString(), served.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(existing.toString()), run.stdoutLines(), run::describe);
        assertEquals(served.sha256(), Sha256.of(existing));
        assertEquals(Set.of("data.bin"), DirListing.names(dir));
    }

    @Test
    void failExitsOneAndLeavesTheOriginal() {
        HaulProcess.Result run = haul("--on-exists", "fail", "-d", dir.toString(), served.url(server)).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(ORIGINAL), Sha256.of(existing));
        // The contract lets a failed transfer keep its .part; no other name may appear.
        Set<String> finalNames = DirListing.names(dir).stream().filter(n -> !n.endsWith(".part")).collect(toSet());
        assertEquals(Set.of("data.bin"), finalNames);
    }
}
