package dev.haul.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoServerTest {
    static final long FAST = 1L << 30;
    static final Catalogue TINY = Catalogue.of(List.of(
            new Resource.Synthetic("tiny.bin", 100_000, FAST),
            new Resource.Synthetic("notes.txt", 5_000, FAST),
            new Resource.Synthetic("empty.bin", 0, FAST),
            new Resource.Synthetic("paced.bin", 40_000, 200_000),
            new Resource.Failing("broken.iso", 500),
            new Resource.Redirect("latest", "tiny.bin")));

    private static DemoServer server;
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = DemoServer.start(TINY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String name, String... headers) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(server.url(name)), headers);
    }

    private static HttpResponse<byte[]> send(HttpClient c, HttpRequest.Builder b, String... headers)
            throws IOException, InterruptedException {
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return c.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    @Test
    void aFullGetReturnsTheGeneratedBytesWithLengthAndValidators() throws Exception {
        HttpResponse<byte[]> r = get("tiny.bin");
        assertEquals(200, r.statusCode());
        assertEquals(100_000, r.body().length);
        assertEquals(TINY.sha256("tiny.bin"), sha256(r.body()));
        assertEquals("100000", r.headers().firstValue("content-length").orElseThrow());
        assertEquals("bytes", r.headers().firstValue("accept-ranges").orElseThrow());
        assertTrue(r.headers().firstValue("etag").orElseThrow().startsWith("\""));
        assertTrue(r.headers().firstValue("last-modified").orElseThrow().endsWith(" GMT"));
    }

    @Test
    void theStandardCataloguesChecksumMatchesWhatIsServed() throws Exception {
        try (DemoServer standard = DemoServer.start()) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(standard.url("readme.txt")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(DemoServer.sha256("readme.txt"), sha256(r.body()));
        }
    }

    @Test
    void aRangeRequestReturnsThatSlice() throws Exception {
        byte[] whole = get("tiny.bin").body();
        HttpResponse<byte[]> r = get("tiny.bin", "Range", "bytes=1000-1999");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 1000-1999/100000", r.headers().firstValue("content-range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(whole, 1000, 2000), r.body());
    }

    @Test
    void openAndSuffixRangesReturnTheEnd() throws Exception {
        byte[] whole = get("notes.txt").body();
        byte[] tail = Arrays.copyOfRange(whole, 4_990, 5_000);
        assertArrayEquals(tail, get("notes.txt", "Range", "bytes=4990-").body());
        HttpResponse<byte[]> suffix = get("notes.txt", "Range", "bytes=-10");
        assertEquals("bytes 4990-4999/5000", suffix.headers().firstValue("content-range").orElseThrow());
        assertArrayEquals(tail, suffix.body());
    }

    @Test
    void aRangePastTheEndIs416() throws Exception {
        HttpResponse<byte[]> r = get("tiny.bin", "Range", "bytes=100000-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */100000", r.headers().firstValue("content-range").orElseThrow());
    }

    @Test
    void ifRangeWithTheCurrentEtagResumesAndWithAnotherSendsEverything() throws Exception {
        String etag = get("tiny.bin").headers().firstValue("etag").orElseThrow();
        assertEquals(206, get("tiny.bin", "Range", "bytes=10-", "If-Range", etag).statusCode());
        HttpResponse<byte[]> changed = get("tiny.bin", "Range", "bytes=10-", "If-Range", "\"another-version\"");
        assertEquals(200, changed.statusCode());
        assertEquals(100_000, changed.body().length);
    }

    @Test
    void theBrokenFileAnswers500EveryTime() throws Exception {
        for (int i = 0; i < 3; i++) assertEquals(500, get("broken.iso").statusCode());
    }

    @Test
    void theRedirectAnswers302ToItsTarget() throws Exception {
        HttpResponse<byte[]> r = get("latest");
        assertEquals(302, r.statusCode());
        assertEquals("/tiny.bin", r.headers().firstValue("location").orElseThrow());
    }

    @Test
    void followingTheRedirectGivesTheTargetsBytes() throws Exception {
        HttpClient following = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> r = send(following, HttpRequest.newBuilder(server.url("latest")));
        assertEquals(200, r.statusCode());
        assertEquals("/tiny.bin", r.uri().getPath());
        assertEquals(TINY.sha256("latest"), sha256(r.body()));
    }

    @Test
    void anUnknownNameIs404() throws Exception {
        assertEquals(404, get("nothing-here").statusCode());
    }

    @Test
    void theRootListsTheCatalogue() throws Exception {
        String index = new String(get("").body(), java.nio.charset.StandardCharsets.UTF_8);
        for (String name : TINY.names()) assertTrue(index.contains(name), name);
    }

    @Test
    void headGivesTheLengthWithoutABody() throws Exception {
        HttpResponse<byte[]> r = send(client, HttpRequest.newBuilder(server.url("tiny.bin")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
        assertEquals("100000", r.headers().firstValue("content-length").orElseThrow());
        assertEquals(0, r.body().length);
    }

    @Test
    void anEmptyFileIsServed() throws Exception {
        HttpResponse<byte[]> r = get("empty.bin");
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<byte[]> r = send(client, HttpRequest.newBuilder(server.url("tiny.bin")).DELETE());
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD", r.headers().firstValue("allow").orElseThrow());
    }

    @Test
    void aThrottledFileTakesTheTimeItsRateSays() throws Exception {
        // 40,000 bytes at 200,000 B/s go out as 10,000 now and then one share every 50 ms: at least 150 ms.
        long started = System.nanoTime();
        HttpResponse<byte[]> r = get("paced.bin");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(TINY.sha256("paced.bin"), sha256(r.body()));
        assertTrue(millis >= 140, "took only " + millis + " ms");
    }

    @Test
    void namesAndUrlsFollowTheCatalogue() {
        assertEquals(TINY.names(), server.names());
        URI u = server.url("tiny.bin");
        assertEquals("127.0.0.1", u.getHost());
        assertTrue(u.getPort() > 0);
        assertEquals("/tiny.bin", u.getPath());
    }
}
