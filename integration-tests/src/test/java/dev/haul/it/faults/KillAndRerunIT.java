package dev.haul.it.faults;

import dev.haul.it.support.Await;
import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import dev.haul.it.support.Signals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertWholeThenResumed;
import static dev.haul.it.faults.Faults.assertNoFinalFile;
import static dev.haul.it.faults.Faults.assertPrefixOf;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * haul is stopped mid-download: by {@code kill -9}, which it cannot see coming, or by SIGINT.
 * The .part holds only true bytes, and running the same command again asks for exactly the rest
 * ({@code Range} from the .part's length, with If-Range) and ends with the exact file.
 */
class KillAndRerunIT {
    private static final int SIZE = 400_000;
    private static final int SENT_BEFORE_STALL = 96_000;

    @TempDir
    Path dir;

    private RangeOrigin origin;
    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        if (origin != null) {
            origin.release();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"KILL, 137", "INT, 130"})
    void stoppedMidDownloadThenRerunResumesAtThePartLength(String signal, int expectedExit) {
        byte[] body = Bodies.of(801 + expectedExit, SIZE);
        origin = new RangeOrigin(body, "\"k1\"", First.STALL, SENT_BEFORE_STALL);
        server = RawHttpServer.startConcurrent(origin); // the stalled first response keeps its thread
        String url = server.url("/movie.bin");
        Path part = dir.resolve("movie.bin.part");
        List<String> command = List.of("-u", USER, "-d", dir.toString(), url);

        HaulProcess.Result stopped;
        try (HaulProcess haul = haul(command).start()) {
            // Every byte the server sent is in the .part: now haul is stopped in the middle of the file.
            Await.fileLength(part, SENT_BEFORE_STALL, Duration.ofSeconds(30));
            Signals.send(signal, haul.pid());
            stopped = haul.awaitExit(Duration.ofSeconds(30));
        }
        origin.release();

        assertEquals(expectedExit, stopped.exitCode(), stopped::describe);
        assertNoFinalFile(dir, "movie.bin");
        long saved = Await.lengthOf(part);
        assertTrue(saved > 0 && saved <= SENT_BEFORE_STALL, () -> "a plausible .part: " + saved + " bytes");
        assertPrefixOf(body, part);

        HaulProcess.Result again = haul(command).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(List.of(dir.resolve("movie.bin").toString()), again.stdoutLines(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("movie.bin")));
        assertTrue(DirListing.partFiles(dir).isEmpty(), () -> "files: " + DirListing.names(dir));
        assertWholeThenResumed(server.requests(), saved, "\"k1\"");
    }
}
