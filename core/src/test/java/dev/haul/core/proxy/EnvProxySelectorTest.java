package dev.haul.core.proxy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which variable wins, as curl decides it. */
class EnvProxySelectorTest {
    private static final URI HTTP = URI.create("http://example.com/f");
    private static final URI HTTPS = URI.create("https://example.com/f");

    private static String proxy(String option, Map<String, String> env, URI target) {
        URI p = EnvProxySelector.from(option, env).proxyFor(target);
        return p == null ? null : p.toString();
    }

    @Test
    void noVariablesMeansDirect() {
        assertNull(proxy(null, Map.of(), HTTP));
        assertTrue(EnvProxySelector.from(null, Map.of()).isDirect());
    }

    @Test
    void httpProxyServesHttpUrlsOnly() {
        Map<String, String> env = Map.of("http_proxy", "http://p:1");
        assertEquals("http://p:1", proxy(null, env, HTTP));
        assertNull(proxy(null, env, HTTPS));
    }

    @Test
    void httpProxyInEitherCaseLowerCaseWinning() {
        assertEquals("http://up:2", proxy(null, Map.of("HTTP_PROXY", "http://up:2"), HTTP));
        assertEquals("http://low:1", proxy(null, Map.of("http_proxy", "http://low:1", "HTTP_PROXY", "http://up:2"), HTTP));
    }

    @Test
    void httpsProxyInEitherCaseLowerCaseWinning() {
        assertEquals("http://up:2", proxy(null, Map.of("HTTPS_PROXY", "http://up:2"), HTTPS));
        assertEquals("http://low:1", proxy(null, Map.of("https_proxy", "http://low:1", "HTTPS_PROXY", "http://up:2"), HTTPS));
        assertNull(proxy(null, Map.of("https_proxy", "http://low:1"), HTTP));
    }

    @Test
    void allProxyIsTheFallback() {
        Map<String, String> env = Map.of("ALL_PROXY", "http://all:9", "https_proxy", "http://s:1");
        assertEquals("http://all:9", proxy(null, env, HTTP));
        assertEquals("http://s:1", proxy(null, env, HTTPS));
    }

    @Test
    void theOptionWinsOverEveryVariable() {
        Map<String, String> env = Map.of("http_proxy", "http://env:1", "https_proxy", "http://env:2");
        assertEquals("http://opt:3", proxy("opt:3", env, HTTP));
        assertEquals("http://opt:3", proxy("opt:3", env, HTTPS));
    }

    @Test
    void anEmptyOptionTurnsProxiesOff() {
        EnvProxySelector selector = EnvProxySelector.from("", Map.of("http_proxy", "http://env:1"));
        assertNull(selector.proxyFor(HTTP));
        assertTrue(selector.isDirect());
    }

    @Test
    void emptyVariablesCountAsUnset() {
        assertEquals("http://up:2", proxy(null, Map.of("https_proxy", "", "HTTPS_PROXY", "http://up:2"), HTTPS));
    }

    @Test
    void noProxyAppliesToTheOptionAndTheVariables() {
        Map<String, String> env = Map.of("http_proxy", "http://env:1", "no_proxy", "example.com");
        assertNull(proxy(null, env, HTTP));
        assertNull(proxy("opt:3", env, HTTP));
        assertEquals("http://env:1", proxy(null, env, URI.create("http://other.org/")));
    }

    @Test
    void lowerCaseNoProxyWins() {
        Map<String, String> env = Map.of("http_proxy", "http://env:1", "no_proxy", "other.org", "NO_PROXY", "example.com");
        assertEquals("http://env:1", proxy(null, env, HTTP));
        assertNull(proxy(null, Map.of("http_proxy", "http://env:1", "NO_PROXY", "example.com"), HTTP));
    }

    @Test
    void noProxyPortsUseTheSchemeDefault() {
        Map<String, String> env = Map.of("https_proxy", "http://env:1", "no_proxy", "example.com:443");
        assertNull(proxy(null, env, HTTPS));
        assertEquals("http://env:1", proxy(null, env, URI.create("https://example.com:8443/")));
    }

    @Test
    void aBadVariableIsNamedAndItsPasswordMasked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnvProxySelector.from(null, Map.of("https_proxy", "gopher://me:hunter2@p:1")));
        assertTrue(e.getMessage().startsWith("https_proxy:"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void describingItMasksCredentials() {
        String text = EnvProxySelector.from("http://me:hunter2@p:1", Map.of()).toString();
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("***@p:1"), text);
    }
}
