package dev.haul.it.review;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stall clock starts with each request: a kept-alive connection that sat idle in the pool
 * for 2 s, then waits 2 s for a slow server's first byte, has not stalled under
 * {@code --stall-timeout 3}. (Counted from the connection's last read, it would have: 4 s.)
 */
class PooledConnectionStallIT {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration SERVER_THINKS = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void requestOnAConnectionIdleInThePoolGetsAWholeStallPeriod() {
        byte[] a = Bodies.of(500, 10_000);
        byte[] b = Bodies.of(501, 10_000);
        try (KeepAliveServer server = new KeepAliveServer(Map.of(
                "/a.bin", new KeepAliveServer.Route(a, Duration.ZERO),
                "/b.bin", new KeepAliveServer.Route(b, SERVER_THINKS)));
             HaulProcess haul = haul("-i", "-", "--stall-timeout", "3", "--retries", "0", "-d", dir.toString())
                     .keepStdinOpen().start()) {
            haul.writeStdin(server.url("/a.bin") + "\n");
            haul.awaitStdoutLine(dir.resolve("a.bin").toString()::equals, Duration.ofSeconds(30));
            // The behaviour is time-based: let the connection sit idle in haul's pool, counted
            // from the server's last byte to it, before the next URL arrives.
            long idleUntil = server.served().get(0).answeredNanos() + IDLE.toNanos();
            for (long left; (left = idleUntil - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
            haul.writeStdin(server.url("/b.bin") + "\n");
            haul.closeStdin();

            HaulProcess.Result run = haul.awaitExit(Duration.ofSeconds(30));

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(b), Sha256.of(dir.resolve("b.bin")));
            List<KeepAliveServer.Served> served = server.served();
            assertEquals(2, served.size(), served::toString);
            assertEquals(served.get(0).connection(), served.get(1).connection(),
                    () -> "b reused a's kept-alive connection: " + served);
        }
    }
}
