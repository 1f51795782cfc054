package dev.haul.it.review;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A {@code .part} whose server gave no validator (no ETag, no Last-Modified) cannot be resumed.
 * The rerun downloads again from zero under the same name: not {@code NAME.1}, and no
 * {@code NAME.part} left behind.
 */
class PartWithoutValidatorIT {
    private static final int SIZE = 200_000;
    private static final int CUT = 70_000;
    private static final String NAME = "novalidator.bin";

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void rerunSavesUnderTheSameNameAndLeavesNoPart() {
        byte[] body = Bodies.of(400, SIZE);
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.start((request, out) -> RawHttpServer.writeResponse(out, "200 OK",
                Map.of("Content-Length", String.valueOf(SIZE), "Accept-Ranges", "bytes"), body, 0,
                count.incrementAndGet() == 1 ? CUT : SIZE));
        String url = server.url("/" + NAME);

        HaulProcess.Result first = haul("--retries", "0", "-d", dir.toString(), url).run();
        assertEquals(1, first.exitCode(), first::describe);
        assertEquals(Set.of(NAME + ".part", NAME + ".part.meta"), DirListing.names(dir), first::describe);

        HaulProcess.Result again = haul("--retries", "0", "-d", dir.toString(), url).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(List.of(dir.resolve(NAME).toString()), again.stdoutLines(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve(NAME)));
        assertEquals(Set.of(NAME), DirListing.names(dir), again::describe);
        RawHttpServer.Request rerun = server.requests().get(1);
        assertNull(rerun.header("Range"), () -> "nothing to resume without a validator: " + rerun);
    }
}
