package dev.haul.it.support;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A file a test server serves at {@code /files/NAME}: its name, exact bytes and their digest. */
public record ServedFile(String name, byte[] body, String sha256) {

    public static ServedFile of(String name, long seed, int size) {
        byte[] body = Bodies.of(seed, size);
        return new ServedFile(name, body, Sha256.of(body));
    }

    /** {@code count} files named {@code f000.bin}..., sizes spread over 0..maxSize with 0 and maxSize included. */
    public static List<ServedFile> many(int count, int maxSize) {
        SplittableRandom sizes = new SplittableRandom(count * 31L + maxSize);
        List<ServedFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int size = switch (i) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> maxSize;
                default -> sizes.nextInt(maxSize + 1);
            };
            files.add(of(String.format("f%03d.bin", i), i, size));
        }
        return files;
    }

    public String path() {
        return "/files/" + name;
    }

    public String url(WireMockExtension server) {
        return LoopbackServer.baseUrl(server) + path();
    }

    /** Stubs a plain 200 with this body at {@link #path()}. */
    public ServedFile stubOn(WireMockExtension server) {
        server.stubFor(get(urlEqualTo(path())).willReturn(aResponse().withStatus(200).withBody(body)));
        return this;
    }
}
