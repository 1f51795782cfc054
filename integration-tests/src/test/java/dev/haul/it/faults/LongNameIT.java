package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A URL whose last segment is as long as a file name may be (or longer): the name is cut to fit,
 * and the download, with its .part and resume record beside it, still works.
 */
class LongNameIT {
    @TempDir
    Path dir;

    private RawHttpServer server;
    private final byte[] body = Bodies.of(1201, 10_000);

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HaulProcess.Result download(String segment) {
        server = RawHttpServer.start((request, out) -> RawHttpServer.writeResponse(out, "200 OK",
                Map.of("Content-Length", String.valueOf(body.length)), body, 0, body.length));
        return haul("-d", dir.toString(), server.url("/" + segment)).run();
    }

    private void assertSavedOnce(HaulProcess.Result run) {
        assertEquals(0, run.exitCode(), run::describe);
        Set<String> names = DirListing.names(dir);
        assertEquals(1, names.size(), names::toString);
        String name = names.iterator().next();
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        assertEquals(List.of(dir.resolve(name).toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve(name)));
    }

    @Test
    void nameWhoseResumeFilesStillFitIsSaved() {
        assertSavedOnce(download("n".repeat(237) + ".bin"));
    }

    @Test
    void nameCutToTheLimitIsSavedToo() {
        assertSavedOnce(download("a".repeat(300) + ".bin"));
    }
}
