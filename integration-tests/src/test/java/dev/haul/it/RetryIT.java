package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Json;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server error that may pass is retried; a client error is not. */
class RetryIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void serviceUnavailableIsRetriedAfterTheRetryAfterDelayAndThenSaved() {
        ServedFile file = ServedFile.of("flaky.bin", 21, 30_000);
        server.stubFor(get(urlEqualTo(file.path())).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2"))
                .willSetStateTo("recovered"));
        server.stubFor(get(urlEqualTo(file.path())).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(file.body())));

        HaulProcess.Result run = haul("--json", "-d", dir.toString(), file.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(file.sha256(), Sha256.of(dir.resolve("flaky.bin")));
        server.verify(2, getRequestedFor(urlEqualTo(file.path())));
        assertEquals(Set.of("flaky.bin"), DirListing.names(dir));
        List<Map<String, Object>> retries = run.stdoutLines().stream().map(Json::parseObject)
                .filter(e -> "retry".equals(e.get("event"))).toList();
        assertEquals(1, retries.size(), run::describe);
        BigDecimal delay = (BigDecimal) retries.get(0).get("delay_ms");
        // The first back-off step is about a second: only Retry-After makes it two.
        assertTrue(delay != null && delay.longValue() >= 2000, () -> "delay honours Retry-After: " + retries);
    }

    @Test
    void forbiddenIsNotRetried() {
        server.stubFor(get(urlEqualTo("/files/secret.bin")).willReturn(aResponse().withStatus(403)));

        HaulProcess.Result run = haul("-d", dir.toString(), LoopbackServer.baseUrl(server) + "/files/secret.bin").run();

        assertEquals(1, run.exitCode(), run::describe);
        server.verify(1, getRequestedFor(urlEqualTo("/files/secret.bin")));
        assertEquals(Set.of(), DirListing.names(dir));
    }
}
