package dev.haul.core.engine;

import dev.haul.core.EngineConfig;
import dev.haul.core.Header;
import dev.haul.core.transport.Origin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where Basic credentials come from: -u, else the URL's user info, else .netrc; and never to another origin. */
class RequestHeadersCredentialSourcesTest {
    private static final Origin HOST = Origin.of(URI.create("http://files.example:8080/a"));
    private static final Origin OTHER = Origin.of(URI.create("http://cdn.example:8080/a"));
    private static final EngineConfig BASE = EngineConfig.defaults(Path.of("/tmp"))
            .withNetrc(host -> host.equals("files.example") ? "net:rc" : null);

    private static String authorization(List<Header> headers) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase("Authorization")).map(Header::value)
                .findFirst().orElse(null);
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dashUWinsOverUrlAndNetrc() {
        List<Header> h = RequestHeaders.forOrigin(BASE.withCredentials("cli:pw"), HOST, HOST, "url:pw");
        assertEquals(basic("cli:pw"), authorization(h));
    }

    @Test
    void urlUserInfoIsDecodedAndWinsOverNetrc() {
        assertEquals(basic("url:p@ss"), authorization(RequestHeaders.forOrigin(BASE, HOST, HOST, "url:p%40ss")));
    }

    @Test
    void netrcAnswersForItsHostOnly() {
        assertEquals(basic("net:rc"), authorization(RequestHeaders.forOrigin(BASE, HOST, HOST, null)));
        assertNull(authorization(RequestHeaders.forOrigin(BASE, OTHER, OTHER, null)));
    }

    @Test
    void noSourceReachesAnotherOrigin() {
        assertNull(authorization(RequestHeaders.forOrigin(BASE.withCredentials("cli:pw"), HOST, OTHER, "url:pw")));
    }
}
