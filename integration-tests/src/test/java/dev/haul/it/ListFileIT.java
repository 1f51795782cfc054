package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -i FILE}: comments and blanks are ignored, per-line options apply, a bad line fails alone. */
class ListFileIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path tmp;

    private Path writeList(String... lines) throws IOException {
        return Files.write(tmp.resolve("list.txt"), List.of(lines));
    }

    private Path outDir() throws IOException {
        return Files.createDirectories(tmp.resolve("out"));
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndOutNamesTheFile() throws IOException {
        ServedFile plain = ServedFile.of("plain.bin", 1, 3_000).stubOn(server);
        ServedFile renamed = ServedFile.of("served-name.bin", 2, 8_000).stubOn(server);
        Path list = writeList(
                "# downloads for today",
                "",
                "   ",
                plain.url(server),
                "  # an indented comment is not a URL either",
                renamed.url(server) + "   out=custom.bin");
        Path dir = outDir();

        HaulProcess.Result run = haul("-d", dir.toString(), "-i", list.toString()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Set.of(dir.resolve("plain.bin").toString(), dir.resolve("custom.bin").toString()),
                Set.copyOf(run.stdoutLines()), run::describe);
        assertEquals(plain.sha256(), Sha256.of(dir.resolve("plain.bin")));
        assertEquals(renamed.sha256(), Sha256.of(dir.resolve("custom.bin")));
        assertEquals(Set.of("plain.bin", "custom.bin"), DirListing.names(dir));
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreRead() throws IOException {
        ServedFile first = ServedFile.of("crlf1.bin", 11, 1_000).stubOn(server);
        ServedFile second = ServedFile.of("crlf2.bin", 12, 1_000).stubOn(server);
        Path list = Files.write(tmp.resolve("list.txt"), ("\uFEFF" + first.url(server) + "\r\n# note\r\n"
                + second.url(server) + " out=second.bin\r\n").getBytes(StandardCharsets.UTF_8));
        Path dir = outDir();

        HaulProcess.Result run = haul("-d", dir.toString(), "-i", list.toString()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(first.sha256(), Sha256.of(dir.resolve("crlf1.bin")));
        assertEquals(second.sha256(), Sha256.of(dir.resolve("second.bin")));
        assertEquals(Set.of("crlf1.bin", "second.bin"), DirListing.names(dir));
    }

    @Test
    void rightSha256IsSavedAndWrongSha256FailsThatItemOnly() throws IOException {
        ServedFile right = ServedFile.of("right.bin", 3, 10_000).stubOn(server);
        ServedFile wrong = ServedFile.of("wrong.bin", 4, 10_000).stubOn(server);
        Path list = writeList(
                right.url(server) + " sha256=" + right.sha256(),
                wrong.url(server) + " sha256=" + right.sha256());
        Path dir = outDir();

        HaulProcess.Result run = haul("-d", dir.toString(), "-i", list.toString()).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("right.bin").toString()), run.stdoutLines(), run::describe);
        assertEquals(right.sha256(), Sha256.of(dir.resolve("right.bin")));
        Set<String> finalNames = DirListing.names(dir).stream().filter(n -> !n.endsWith(".part")).collect(toSet());
        assertEquals(Set.of("right.bin"), finalNames, "no wrong.bin under its final name");
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains(wrong.url(server))), run::describe);
    }

    @Test
    void badLineIsReportedWhileTheOtherLinesStillDownload() throws IOException {
        ServedFile before = ServedFile.of("before.bin", 5, 2_000).stubOn(server);
        ServedFile after = ServedFile.of("after.bin", 6, 2_000).stubOn(server);
        Path list = writeList(
                before.url(server),
                "ftp://example.invalid/bad.bin",
                after.url(server));
        Path dir = outDir();

        HaulProcess.Result run = haul("-d", dir.toString(), "-i", list.toString()).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(Set.of(dir.resolve("before.bin").toString(), dir.resolve("after.bin").toString()),
                Set.copyOf(run.stdoutLines()), run::describe);
        assertEquals(before.sha256(), Sha256.of(dir.resolve("before.bin")));
        assertEquals(after.sha256(), Sha256.of(dir.resolve("after.bin")));
        assertTrue(run.stderrLines().stream().anyMatch(l -> l.contains("ftp://example.invalid/bad.bin")),
                run::describe);
        assertEquals(Set.of("before.bin", "after.bin"), DirListing.names(dir));
    }

    @Test
    void allTogetherInOneListDownloadTheGoodLinesAndExitOne() throws IOException {
        ServedFile plain = ServedFile.of("p.bin", 7, 1_000).stubOn(server);
        ServedFile named = ServedFile.of("n.bin", 8, 1_000).stubOn(server);
        ServedFile checked = ServedFile.of("c.bin", 9, 1_000).stubOn(server);
        ServedFile mismatched = ServedFile.of("m.bin", 10, 1_000).stubOn(server);
        Path list = writeList(
                "# mixed",
                plain.url(server),
                "",
                named.url(server) + " out=custom.bin",
                checked.url(server) + " sha256=" + checked.sha256(),
                mismatched.url(server) + " sha256=" + "0".repeat(64),
                "ftp://example.invalid/nope");
        Path dir = outDir();

        HaulProcess.Result run = haul("-d", dir.toString(), "-i", list.toString()).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(Set.of(dir.resolve("p.bin").toString(), dir.resolve("custom.bin").toString(),
                dir.resolve("c.bin").toString()), Set.copyOf(run.stdoutLines()), run::describe);
        assertEquals(3, run.stdoutLines().size(), run::describe);
        assertEquals(checked.sha256(), Sha256.of(dir.resolve("c.bin")));
        server.verify(1, getRequestedFor(urlEqualTo(mismatched.path())));
        Set<String> finalNames = DirListing.names(dir).stream().filter(n -> !n.endsWith(".part")).collect(toSet());
        assertEquals(Set.of("p.bin", "custom.bin", "c.bin"), finalNames);
    }
}
