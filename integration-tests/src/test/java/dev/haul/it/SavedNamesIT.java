package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
