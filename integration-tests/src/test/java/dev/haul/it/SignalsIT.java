package dev.haul.it;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM and SIGINT without a terminal stop the transfers, keep the .part files and exit 143 or
 * 130; the same command run again finishes the file.
 */
class SignalsIT {
    private static final int SIZE = 200_000;
    private static final int SENT_BEFORE_STALL = 64_000;

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

    @Test
    void sigtermMidDownloadExits143KeepsThePartAndARerunFinishesTheFile() throws Exception {
        assertSignalStopsAndRerunResumes("TERM", 143);
    }

    @Test
    void sigintMidDownloadExits130KeepsThePartAndARerunFinishesTheFile() throws Exception {
        assertSignalStopsAndRerunResumes("INT", 130);
    }

    private void assertSignalStopsAndRerunResumes(String signal, int expectedExit) throws Exception {
        byte[] body = Bodies.of(signal.hashCode(), SIZE);
        origin = new RangeOrigin(body, "\"s1\"", First.STALL, SENT_BEFORE_STALL);
        server = RawHttpServer.start(origin);
        String url = server.url("/movie.bin");

        HaulProcess.Result stopped;
        try (HaulProcess haul = haul("--json", "-d", dir.toString(), url).start()) {
            haul.awaitStdoutLine(line -> line.contains("\"event\":\"started\""), Duration.ofSeconds(30));
            kill(signal, haul.pid());
            stopped = haul.awaitExit(Duration.ofSeconds(30));
        }
        origin.release();

        assertEquals(expectedExit, stopped.exitCode(), stopped::describe);
        assertFalse(DirListing.names(dir).contains("movie.bin"), () -> "files: " + DirListing.names(dir));
        assertTrue(DirListing.names(dir).contains("movie.bin.part"), () -> "files: " + DirListing.names(dir));

        HaulProcess.Result again = haul("-d", dir.toString(), url).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(List.of(dir.resolve("movie.bin").toString()), again.stdoutLines(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("movie.bin")));
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), () -> "requests: " + requests);
        String range = requests.get(1).header("Range");
        assertTrue(range != null && range.matches("bytes=[1-9]\\d*-"), () -> "the rerun resumed: " + requests);
    }

    private static void kill(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }
}
