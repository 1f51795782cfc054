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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many files from one list, many at once, through the built jar. */
class ManyFilesConcurrentlyIT {
    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path tmp;

    @Test
    void twoHundredTwentyFilesWithThirtyTwoJobsAllArriveIntact() throws IOException {
        List<ServedFile> files = ServedFile.many(220, 200 * 1024);
        files.forEach(f -> f.stubOn(server));
        Path list = tmp.resolve("urls.txt");
        Files.write(list, files.stream().map(f -> f.url(server)).toList());
        Path dir = Files.createDirectory(tmp.resolve("out"));

        HaulProcess.Result run = haul("-j", "32", "-d", dir.toString(), "-i", list.toString())
                .run();

        assertEquals(0, run.exitCode(), run::describe);
        Set<String> expectedLines = files.stream().map(f -> dir.resolve(f.name()).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(220, run.stdoutLines().size(), run::describe);
        assertEquals(expectedLines, new TreeSet<>(run.stdoutLines()), run::describe);
        for (ServedFile f : files) {
            assertEquals(f.sha256(), Sha256.of(dir.resolve(f.name())), f.name());
        }
        Set<String> names = files.stream().map(ServedFile::name).collect(Collectors.toCollection(HashSet::new));
        assertEquals(new TreeSet<>(names), DirListing.names(dir), "exactly the files, no .part or sidecar left");
    }
}
