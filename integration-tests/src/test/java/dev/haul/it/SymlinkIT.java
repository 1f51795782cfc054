package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A symbolic link planted where haul writes is never followed: the file it points to is untouched. */
class SymlinkIT {
    private static final byte[] VICTIM = "precious data outside the download dir\n".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path tmp;

    private Path dir;
    private Path victim;
    private ServedFile served;

    @BeforeEach
    void victimOutsideTheDownloadDir() throws IOException {
        dir = Files.createDirectory(tmp.resolve("out"));
        victim = Files.write(tmp.resolve("victim.txt"), VICTIM);
        served = ServedFile.of("data.bin", 51, 20_000).stubOn(server);
    }

    @Test
    void overwriteReplacesALinkAtTheTargetWithoutWritingThroughIt() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("data.bin"), victim);

        HaulProcess.Result run = haul("--on-exists", "overwrite", "-d", dir.toString(), served.url(server)).run();

        assertEquals(Sha256.of(VICTIM), Sha256.of(victim), run::describe);
        if (run.exitCode() == 0) {
            assertFalse(Files.isSymbolicLink(link), "the saved file is a regular file, not the link");
            assertEquals(served.sha256(), Sha256.of(link));
        }
    }

    @Test
    void linkAtThePartPathIsNotWrittenThrough() throws IOException {
        Files.createSymbolicLink(dir.resolve("data.bin.part"), victim);

        HaulProcess.Result run = haul("-d", dir.toString(), served.url(server)).run();

        assertEquals(Sha256.of(VICTIM), Sha256.of(victim), run::describe);
        if (run.exitCode() == 0) {
            Path saved = dir.resolve(run.stdoutLines().get(0));
            assertFalse(Files.isSymbolicLink(saved), run::describe);
            assertEquals(served.sha256(), Sha256.of(saved));
        }
    }

    @Test
    void defaultRenameTreatsALinkAsATakenName() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("data.bin"), victim);

        HaulProcess.Result run = haul("-d", dir.toString(), served.url(server)).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(VICTIM), Sha256.of(victim));
        assertEquals(victim, Files.readSymbolicLink(link));
        assertEquals(served.sha256(), Sha256.of(dir.resolve("data.bin.1")));
        assertFalse(Files.isSymbolicLink(dir.resolve("data.bin.1")));
        assertEquals(true, Files.exists(dir.resolve("data.bin.1"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void danglingLinkAtTheTargetIsNotFollowedToCreateAFile() throws IOException {
        Path nowhere = tmp.resolve("created-through-link.bin");
        Files.createSymbolicLink(dir.resolve("data.bin"), nowhere);

        HaulProcess.Result run = haul("-d", dir.toString(), served.url(server)).run();

        assertFalse(Files.exists(nowhere, LinkOption.NOFOLLOW_LINKS), run::describe);
    }
}
