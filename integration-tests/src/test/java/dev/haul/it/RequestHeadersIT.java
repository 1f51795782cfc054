package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the server sees of a request: the user agent, extra headers, and no compression. */
class RequestHeadersIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void userAgentOptionAndExtraHeaderReachTheServerWithIdentityEncoding() {
        ServedFile file = ServedFile.of("ua.bin", 5, 4096).stubOn(server);

        HaulProcess.Result run = haul("-A", "agent/1", "-H", "X-Trace: abc 123", "-d", dir.toString(),
                file.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(file.sha256(), Sha256.of(dir.resolve("ua.bin")));
        server.verify(1, getRequestedFor(urlEqualTo(file.path()))
                .withHeader("User-Agent", equalTo("agent/1"))
                .withHeader("X-Trace", equalTo("abc 123"))
                .withHeader("Accept-Encoding", equalTo("identity")));
    }

    @Test
    void defaultUserAgentNamesHaul() {
        ServedFile file = ServedFile.of("plain.bin", 6, 100).stubOn(server);

        HaulProcess.Result run = haul("-d", dir.toString(), file.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        server.verify(getRequestedFor(urlEqualTo(file.path()))
                .withHeader("User-Agent", matching("haul/.+"))
                .withHeader("Accept-Encoding", equalTo("identity")));
    }
}
