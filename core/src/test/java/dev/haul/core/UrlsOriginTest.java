package dev.haul.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The port a URL connects to and the origin it belongs to. */
class UrlsOriginTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://h/,           80",
            "https://h/,          443",
            "http://h:8080/,      8080",
            "https://h:80/,       80",
            "HTTPS://h/,          443",
            "http://[::1]:9000/x, 9000",
    })
    void portFillsInTheSchemesDefault(String url, int port) {
        assertEquals(port, Urls.port(Urls.parse(url)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://Example.COM/a,               http://example.com:80",
            "HTTPS://example.com:443/a?q,        https://example.com:443",
            "https://user:pw@example.com:8443/,  https://example.com:8443",
            "http://[::1]:8080/x,                http://[::1]:8080",
    })
    void originIsLowercaseSchemeHostAndPort(String url, String origin) {
        assertEquals(origin, Urls.origin(Urls.parse(url)));
    }
}
