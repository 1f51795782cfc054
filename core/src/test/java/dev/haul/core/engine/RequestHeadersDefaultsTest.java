package dev.haul.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haul.core.EngineConfig;
import dev.haul.core.Header;
import dev.haul.core.transport.Origin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The headers every request carries, and how -H, -A and -u change them. */
class RequestHeadersDefaultsTest {
    static final Origin ORIGIN = Origin.of(URI.create("https://files.example/"));
    static final EngineConfig CONFIG = EngineConfig.defaults(Path.of("unused"));

    /** Every value sent under {@code name}, compared case-insensitively. */
    static List<String> values(List<Header> headers, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(key)).map(Header::value).toList();
    }

    private static List<Header> sent(EngineConfig config) {
        return RequestHeaders.forOrigin(config, ORIGIN, ORIGIN, null);
    }

    @Test
    void aPlainRequestSendsUserAgentAcceptAndIdentityEncoding() {
        List<Header> headers = sent(CONFIG);

        assertEquals(List.of(EngineConfig.DEFAULT_USER_AGENT), values(headers, "User-Agent"));
        assertEquals(List.of("*/*"), values(headers, "Accept"));
        assertEquals(List.of("identity"), values(headers, "Accept-Encoding"));
        assertEquals(3, headers.size());
    }

    @Test
    void defaultUserAgentNamesHaul() {
        assertEquals("haul/", EngineConfig.DEFAULT_USER_AGENT.substring(0, 5));
    }

    @Test
    void noAuthorizationIsSentWithoutCredentials() {
        assertEquals(List.of(), values(sent(CONFIG), "Authorization"));
    }

    @Test
    void userHeaderReplacesTheDefaultOfTheSameNameWhateverItsCase() {
        List<Header> headers = sent(CONFIG.withHeaders(List.of(new Header("user-agent", "curl/8"), new Header("ACCEPT", "text/plain"))));

        assertEquals(List.of("curl/8"), values(headers, "User-Agent"));
        assertEquals(List.of("text/plain"), values(headers, "Accept"));
        assertEquals(List.of("identity"), values(headers, "Accept-Encoding"));
    }

    @Test
    void userHeadersAreSentInTheOrderGivenAfterTheDefaults() {
        List<Header> given = List.of(new Header("X-B", "2"), new Header("X-A", "1"), new Header("X-B", "3"));

        List<Header> headers = sent(CONFIG.withHeaders(given));

        assertEquals(given, headers.subList(headers.size() - 3, headers.size()));
    }

    @Test
    void credentialsBecomeBasicAuthorization() {
        List<Header> headers = sent(CONFIG.withCredentials("alice:s3cr:et"));

        String token = Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("Basic " + token), values(headers, "Authorization"));
    }

    @Test
    void nonAsciiCredentialsAreEncodedAsUtf8() {
        List<Header> headers = sent(CONFIG.withCredentials("jürgen:pässword"));

        String decoded = new String(Base64.getDecoder().decode(values(headers, "Authorization").get(0).substring(6)),
                StandardCharsets.UTF_8);
        assertEquals("jürgen:pässword", decoded);
    }

    @Test
    void authorizationGivenWithHeaderWinsOverUserOption() {
        EngineConfig config = CONFIG.withCredentials("alice:pw").withHeaders(List.of(new Header("authorization", "Bearer T")));

        assertEquals(List.of("Bearer T"), values(sent(config), "Authorization"));
    }
}
