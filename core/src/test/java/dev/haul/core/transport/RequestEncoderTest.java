package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haul.core.Header;
import dev.haul.core.Urls;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request as the server receives it. */
class RequestEncoderTest {
    private static FullHttpRequest encode(String url, Header... headers) {
        URI uri = Urls.parse(url);
        return RequestEncoder.toNetty(new RequestSpec(uri, List.of(headers)), Origin.of(uri));
    }

    /** The bytes HttpClientCodec writes for the request. */
    static String onTheWire(FullHttpRequest request) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec());
        channel.writeOutbound(request);
        StringBuilder out = new StringBuilder();
        for (ByteBuf b; (b = channel.readOutbound()) != null; b.release()) out.append(b.toString(StandardCharsets.US_ASCII));
        channel.finishAndReleaseAll();
        return out.toString();
    }

    @Test
    void itIsAnHttp11GetWithoutBody() {
        FullHttpRequest request = encode("http://h/f");

        assertEquals(HttpMethod.GET, request.method());
        assertEquals(HttpVersion.HTTP_1_1, request.protocolVersion());
        assertEquals(0, request.content().readableBytes());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://h/dir/f.bin,          /dir/f.bin",
            "http://h,                    /",
            "http://h?x=1,                /?x=1",
            "http://h/f?a=1&b=%20,        /f?a=1&b=%20",
            "http://h/my file,            /my%20file",
            "http://h/f#section,          /f",
            "http://alice:pw@h/f,         /f",
    })
    void theRequestTargetIsThePathAndQueryOnly(String url, String target) {
        assertEquals(target, encode(url).uri());
    }

    @ParameterizedTest(name = "{0} -> Host: {1}")
    @CsvSource({
            "http://files.example/f,         files.example",
            "http://files.example:80/f,      files.example",
            "https://files.example:443/f,    files.example",
            "http://files.example:8080/f,    files.example:8080",
            "https://files.example:80/f,     files.example:80",
            "http://Files.EXAMPLE/f,         files.example",
            "http://[::1]/f,                 [::1]",
            "http://[::1]:8080/f,            [::1]:8080",
            "http://127.0.0.1:9/f,           127.0.0.1:9",
    })
    void theHostHeaderLeavesOutTheDefaultPort(String url, String host) {
        assertEquals(host, encode(url).headers().get("Host"));
    }

    @Test
    void headersGoOutInTheOrderGivenAfterHost() {
        String wire = onTheWire(encode("http://h:81/f?q=1", new Header("User-Agent", "haul/x"), new Header("Accept", "*/*"),
                new Header("X-One", "1")));

        assertEquals("GET /f?q=1 HTTP/1.1\r\nHost: h:81\r\nUser-Agent: haul/x\r\nAccept: */*\r\nX-One: 1\r\n\r\n", wire);
    }

    @Test
    void aRepeatedHeaderNameSendsEveryValue() {
        FullHttpRequest request = encode("http://h/", new Header("X-Tag", "a"), new Header("x-tag", "b"));

        assertEquals(List.of("a", "b"), request.headers().getAll("X-Tag"));
    }

    @Test
    void aUserHostHeaderReplacesTheComputedOne() {
        FullHttpRequest request = encode("http://10.0.0.1/", new Header("host", "virtual.example"));

        assertEquals(List.of("virtual.example"), request.headers().getAll("Host"));
    }

    @Test
    void theTransportAddsNoHeadersOfItsOwnBesidesHost() {
        FullHttpRequest request = encode("http://h/", new Header("Accept", "*/*"));

        assertEquals(Set.of("Host", "Accept"), request.headers().names());
    }
}
