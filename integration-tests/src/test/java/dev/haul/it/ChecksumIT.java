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
import java.util.Locale;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --sha256}: a match saves the file, a mismatch fails it without retrying and without a final file. */
class ChecksumIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void matchingSha256InUpperCaseSavesTheFile() {
        ServedFile file = ServedFile.of("ok.iso", 41, 64_000).stubOn(server);

        HaulProcess.Result run = haul("--sha256", file.sha256().toUpperCase(Locale.ROOT), "-d", dir.toString(),
                file.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("ok.iso").toString()), run.stdoutLines(), run::describe);
        assertEquals(file.sha256(), Sha256.of(dir.resolve("ok.iso")));
    }

    @Test
    void mismatchingSha256FailsOnceWithExitOneAndNoFinalFile() {
        ServedFile file = ServedFile.of("bad.iso", 42, 64_000).stubOn(server);

        HaulProcess.Result run = haul("--sha256", "ab".repeat(32), "-d", dir.toString(), file.url(server)).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(file.url(server))), run::describe);
        server.verify(1, getRequestedFor(urlEqualTo(file.path())));
        Set<String> finalNames = DirListing.names(dir).stream().filter(n -> !n.endsWith(".part")).collect(toSet());
        assertEquals(Set.of(), finalNames);
    }
}
