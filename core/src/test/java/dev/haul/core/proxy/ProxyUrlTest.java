package dev.haul.core.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://proxy:3128            | http://proxy:3128",
            "proxy:3128                   | http://proxy:3128",
            "proxy                        | http://proxy:1080",
            "HTTP://Proxy.Example/        | http://Proxy.Example:1080",
            "http://u:p%40ss@proxy:8080   | http://u:p%40ss@proxy:8080",
            "http://[::1]:3128            | http://[::1]:3128",
            " http://proxy:3128           | http://proxy:3128",
            "socks5://proxy               | socks5://proxy:1080",
            "SOCKS5H://u:p@proxy:9050     | socks5h://u:p@proxy:9050",
    })
    void readsTheFormsCurlReads(String raw, String expected) {
        assertEquals(expected, ProxyUrl.parse(raw, "--proxy").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://proxy:21", "socks4://proxy:1080", "https://proxy:443", "http://", "http://proxy:3128/path", "http://proxy:99999", "http://pro xy:1"})
    void refusesWhatTheTransportCannotUse(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyUrl.parse(raw, "https_proxy"));
        assertTrue(e.getMessage().startsWith("https_proxy: bad proxy URL"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"socks4://user:hunter2@proxy:1080", "http://user:hunter2@proxy:1080/x", "http://user:hunter2@:1"})
    void errorMessagesNeverShowTheProxyPassword(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyUrl.parse(raw, "--proxy"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("***@"), e.getMessage());
    }
}
