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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Proxies: the proxy is a WireMock server that answers for a host name that does not resolve,
 * so a request that reached it can only have gone through the proxy.
 */
class ProxyIT {
    private static final String UNRESOLVABLE = "files.haul-test.invalid";

    @RegisterExtension
    static WireMockExtension proxy = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void httpProxyVariableRoutesThePlainHttpRequest() {
        ServedFile file = ServedFile.of("via-proxy.bin", 31, 12_000).stubOn(proxy);

        HaulProcess.Result run = haul("-d", dir.toString(), "http://" + UNRESOLVABLE + file.path())
                .env("http_proxy", LoopbackServer.baseUrl(proxy))
                .run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(file.sha256(), Sha256.of(dir.resolve("via-proxy.bin")));
        proxy.verify(getRequestedFor(urlEqualTo(file.path())).withHeader("Host", equalTo(UNRESOLVABLE)));
    }

    @Test
    void proxyOptionRoutesTheRequest() {
        ServedFile file = ServedFile.of("opt-proxy.bin", 32, 12_000).stubOn(proxy);

        HaulProcess.Result run = haul("--proxy", LoopbackServer.baseUrl(proxy), "-d", dir.toString(),
                "http://" + UNRESOLVABLE + file.path()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(file.sha256(), Sha256.of(dir.resolve("opt-proxy.bin")));
    }

    @Test
    void noProxyVariableBypassesTheProxyForThatHost() {
        ServedFile file = ServedFile.of("direct.bin", 33, 12_000).stubOn(proxy);

        // The proxy named here does not exist: the download only works if it is bypassed.
        HaulProcess.Result run = haul("--retries", "0", "-d", dir.toString(), file.url(proxy))
                .env("HTTP_PROXY", "http://127.0.0.1:9")
                .env("NO_PROXY", "127.0.0.1")
                .run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(file.sha256(), Sha256.of(dir.resolve("direct.bin")));
    }
}
