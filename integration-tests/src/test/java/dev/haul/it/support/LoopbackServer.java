package dev.haul.it.support;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on 127.0.0.1 and a free port, small enough for a 2-core machine. Register it
 * with {@code @RegisterExtension}; stubs and the request journal are reset before each test.
 */
public final class LoopbackServer {
    private LoopbackServer() {}

    public static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(options()
                        .dynamicPort()
                        .bindAddress("127.0.0.1")
                        .jettyAcceptors(1)
                        .containerThreads(24))
                .build();
    }

    /** {@code http://127.0.0.1:PORT}: an address, not "localhost", which may resolve to ::1 where nothing listens. */
    public static String baseUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }
}
