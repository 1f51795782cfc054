package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificates are verified: WireMock's self-signed one is refused, unless -k says otherwise. */
class TlsIT {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1")
                    .jettyAcceptors(1).containerThreads(16))
            .build();

    @TempDir
    Path dir;

    private String httpsUrl(ServedFile file) {
        return "https://127.0.0.1:" + server.getRuntimeInfo().getHttpsPort() + file.path();
    }

    @Test
    void selfSignedCertificateFailsWithExitOneOnceAndClearly() {
        ServedFile file = ServedFile.of("tls.bin", 71, 10_000).stubOn(server);
        String url = httpsUrl(file);

        HaulProcess.Result run = haul("-d", dir.toString(), url).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(url)), run::describe);
        assertFalse(run.stderr().contains("retrying"), () -> "a TLS failure is not retried\n" + run.describe());
        assertFalse(run.stderr().contains("\tat "), run::describe);
        assertEquals(Set.of(), DirListing.names(dir));
    }

    @Test
    void insecureOptionDownloadsFromASelfSignedServer() {
        ServedFile file = ServedFile.of("tls-k.bin", 72, 300_000).stubOn(server);

        HaulProcess.Result run = haul("-k", "-d", dir.toString(), httpsUrl(file)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(file.sha256(), Sha256.of(dir.resolve("tls-k.bin")));
    }
}
