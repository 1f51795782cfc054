package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Where the bytes land: the name chosen, the directory made, and never outside it. */
class SavedNamesIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path tmp;

    private byte[] serve(String path, String contentDisposition) {
        byte[] body = Bodies.of(path.hashCode(), 2_000);
        var response = aResponse().withStatus(200).withBody(body);
        if (contentDisposition != null) {
            response = response.withHeader("Content-Disposition", contentDisposition);
        }
        server.stubFor(get(urlEqualTo(path)).willReturn(response));
        return body;
    }

    private String url(String path) {
        return LoopbackServer.baseUrl(server) + path;
    }

    @Test
    void percentEncodedUrlNameIsDecoded() throws IOException {
        byte[] body = serve("/dl/annual%20report.txt", null);
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-d", dir.toString(), url("/dl/annual%20report.txt")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("annual report.txt").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("annual report.txt")));
    }

    @Test
    void contentDispositionFilenameNamesTheFile() throws IOException {
        byte[] body = serve("/download?id=7", "attachment; filename=\"invoice-7.pdf\"");
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-d", dir.toString(), url("/download?id=7")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("invoice-7.pdf").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("invoice-7.pdf")));
    }

    @Test
    void contentDispositionWithDotDotStaysInsideTheDirectory() throws IOException {
        serve("/evil.bin", "attachment; filename=\"../../escaped.txt\"");
        Path dir = Files.createDirectories(tmp.resolve("a").resolve("b"));

        HaulProcess.Result run = haul("-d", dir.toString(), url("/evil.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(1, DirListing.names(dir).size(), () -> "in dir: " + DirListing.names(dir));
        assertEquals(Set.of("a"), DirListing.names(tmp), "nothing written outside DIR");
        assertEquals(Set.of("b"), DirListing.names(tmp.resolve("a")), "nothing written outside DIR");
        String line = run.stdoutLines().get(0);
        assertEquals(dir.toString(), Path.of(line).getParent().toString(), run::describe);
        assertFalse(Path.of(line).getFileName().toString().startsWith("."), run::describe);
    }

    @Test
    void contentDispositionExtendedFilenameIsDecodedAsUtf8() throws IOException {
        byte[] body = serve("/get/1", "attachment; filename=\"fallback.txt\"; filename*=UTF-8''na%C3%AFve%20caf%C3%A9.txt");
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-d", dir.toString(), url("/get/1")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("na\u00efve caf\u00e9.txt").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("na\u00efve caf\u00e9.txt")));
    }

    @Test
    void percentEncodedDotDotInTheUrlStaysInsideTheDirectory() throws IOException {
        // Jetty refuses an encoded slash in a path, so a raw server plays this one.
        byte[] body = Bodies.of(17, 2_000);
        Path dir = Files.createDirectories(tmp.resolve("a").resolve("b"));
        HaulProcess.Result run;
        try (RawHttpServer raw = RawHttpServer.start((request, out) -> RawHttpServer.writeResponse(out, "200 OK",
                Map.of("Content-Length", String.valueOf(body.length)), body, 0, body.length))) {
            run = haul("-d", dir.toString(), raw.url("/dl/..%2F..%2Fescaped.txt")).run();
            assertEquals("/dl/..%2F..%2Fescaped.txt", raw.requests().get(0).target(), "the path is sent as given");
        }

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(1, DirListing.names(dir).size(), () -> "in dir: " + DirListing.names(dir));
        assertEquals(Set.of("a"), DirListing.names(tmp), "nothing written outside DIR");
        assertEquals(Set.of("b"), DirListing.names(tmp.resolve("a")), "nothing written outside DIR");
        Path saved = Path.of(run.stdoutLines().get(0));
        assertEquals(dir, saved.getParent(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(saved));
    }

    @Test
    void leadingDotFromTheNetworkIsNotKeptSoNoHiddenFileAppears() throws IOException {
        byte[] body = serve("/dl/.bashrc", null);
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-d", dir.toString(), url("/dl/.bashrc")).run();

        assertEquals(0, run.exitCode(), run::describe);
        Path saved = Path.of(run.stdoutLines().get(0));
        assertEquals(dir, saved.getParent(), run::describe);
        assertFalse(saved.getFileName().toString().startsWith("."), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(saved));
    }

    @Test
    void outputOptionNamesTheFileWhateverTheServerSays() throws IOException {
        byte[] body = serve("/download?id=9", "attachment; filename=\"server-name.pdf\"");
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-o", "mine.pdf", "-d", dir.toString(), url("/download?id=9")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("mine.pdf").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("mine.pdf")));
        assertEquals(Set.of("mine.pdf"), DirListing.names(dir));
    }

    @Test
    void urlEndingInSlashIsNamedAfterItsLastNonEmptySegment() throws IOException {
        byte[] body = serve("/site/", null);
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-d", dir.toString(), url("/site/")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("site").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("site")));
    }

    @Test
    void bareHostIsSavedAsIndexHtml() throws IOException {
        byte[] body = serve("/", null);
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-d", dir.toString(), url("/")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("index.html").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("index.html")));
    }

    @Test
    void missingDirectoryIsCreatedAndRelativeDirIsPrintedAsGiven() {
        byte[] body = serve("/files/rel.bin", null);

        HaulProcess.Result run = haul("-d", "new/sub", url("/files/rel.bin")).cwd(tmp).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(Path.of("new/sub", "rel.bin").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(tmp.resolve("new/sub/rel.bin")));
    }
}
