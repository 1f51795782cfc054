package dev.haul.core.engine;

import static dev.haul.core.engine.RequestHeadersDefaultsTest.CONFIG;
import static dev.haul.core.engine.RequestHeadersDefaultsTest.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haul.core.EngineConfig;
import dev.haul.core.Header;
import dev.haul.core.transport.Origin;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Credentials (-u, and Authorization, Cookie or Proxy-Authorization given with -H) go to the
 * origin of the URL they were given for, and to no other origin a redirect leads to.
 */
class RequestHeadersCredentialScopeTest {
    private static final Origin CREDENTIAL_ORIGIN = Origin.of(URI.create("https://files.example/start"));
    private static final EngineConfig WITH_SECRETS = CONFIG.withCredentials("alice:pw").withHeaders(List.of(
            new Header("Cookie", "session=1"),
            new Header("Proxy-Authorization", "Basic cHJveHk6cHc="),
            new Header("X-Trace", "t-1")));
    private static final EngineConfig WITH_HEADER_AUTH = CONFIG.withHeaders(List.of(new Header("AUTHORIZATION", "Bearer T")));

    @ParameterizedTest(name = "{0}: secrets sent = {1}")
    @CsvSource({
            "https://files.example/other,       true",
            "https://FILES.example:443/x,       true",
            "https://cdn.example/x,             false",
            "https://files.example:8443/x,      false",
            "http://files.example/x,            false",
            "http://files.example:443/x,        false",
            "https://files.example.evil.test/x, false",
    })
    void userAndCookieAreSentOnlyToTheirOrigin(String target, boolean expected) {
        List<Header> headers = RequestHeaders.forOrigin(WITH_SECRETS, CREDENTIAL_ORIGIN, Origin.of(URI.create(target)), null);

        assertEquals(expected ? 1 : 0, values(headers, "Authorization").size(), "Authorization from -u");
        assertEquals(expected ? List.of("session=1") : List.of(), values(headers, "Cookie"));
        assertEquals(expected ? 1 : 0, values(headers, "Proxy-Authorization").size());
    }

    @ParameterizedTest(name = "{0}: Authorization sent = {1}")
    @CsvSource({
            "https://files.example/other,  true",
            "https://cdn.example/x,        false",
            "https://files.example:8443/x, false",
            "http://files.example/x,       false",
    })
    void authorizationGivenWithHeaderIsSentOnlyToItsOrigin(String target, boolean expected) {
        List<Header> headers = RequestHeaders.forOrigin(WITH_HEADER_AUTH, CREDENTIAL_ORIGIN, Origin.of(URI.create(target)), null);

        assertEquals(expected ? List.of("Bearer T") : List.of(), values(headers, "Authorization"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://files.example/other", "https://cdn.example/x", "http://files.example/x"})
    void otherUserHeadersAndDefaultsGoToEveryOrigin(String target) {
        List<Header> headers = RequestHeaders.forOrigin(WITH_SECRETS, CREDENTIAL_ORIGIN, Origin.of(URI.create(target)), null);

        assertEquals(List.of("t-1"), values(headers, "X-Trace"));
        assertEquals(List.of("identity"), values(headers, "Accept-Encoding"));
        assertEquals(List.of(EngineConfig.DEFAULT_USER_AGENT), values(headers, "User-Agent"));
    }
}
