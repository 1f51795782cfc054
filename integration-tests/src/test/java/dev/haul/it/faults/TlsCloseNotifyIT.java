package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.CloseNotifyOrigin;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.SelfSignedCert;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body delimited by the server's TLS close_notify (no Content-Length, no chunking, the TCP
 * connection left open) ends at the close_notify, with either TLS engine: saved exactly, long
 * before a generous stall timeout, and haul answers with its own close_notify.
 */
class TlsCloseNotifyIT {
    private static final byte[] BODY = Bodies.of(77, 300_000);
    /** The stall timeout is 120 s; a loaded 2-core machine may take a while to start a JVM, never that long. */
    private static final Duration WELL_BEFORE_THE_STALL_TIMEOUT = Duration.ofSeconds(50);

    @TempDir
    static Path certDir;
    private static SelfSignedCert cert;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificate() {
        cert = SelfSignedCert.create(certDir);
    }

    @Test
    void withOpenSslTheCloseNotifyEndsTheBody() throws Exception {
        HaulProcess.Result version = haul("-V").run();
        assertTrue(version.stdoutLines().stream().anyMatch(l -> l.contains("OpenSSL")),
                "the default engine here is OpenSSL (netty-tcnative):\n" + version.describe());
        download("openssl.bin", Map.of());
    }

    @Test
    void withTheJdkEngineTheCloseNotifyEndsTheBody() throws Exception {
        download("jdk.bin", Map.of("JAVA_TOOL_OPTIONS", "-Dhaul.tls.jdk=true"));
    }

    private void download(String name, Map<String, String> env) throws Exception {
        try (CloseNotifyOrigin origin = new CloseNotifyOrigin(cert, BODY)) {
            HaulProcess.Builder builder = haul("--stall-timeout", "120", "--retries", "0", "--cacert", cert.pem().toString(),
                    "-d", dir.toString(), origin.url(name));
            env.forEach(builder::env);
            long started = System.nanoTime();
            HaulProcess.Result run = builder.run();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(0, run.exitCode(), run.describe());
            assertEquals(List.of(dir.resolve(name).toString()), run.stdoutLines(), run.describe());
            assertEquals(Sha256.of(BODY), Sha256.of(dir.resolve(name)), "saved exactly");
            assertTrue(took.compareTo(WELL_BEFORE_THE_STALL_TIMEOUT) < 0, "ended at the close_notify, took " + took);
            assertTrue(origin.clientCloseNotify.await(10, TimeUnit.SECONDS), "haul sent its own close_notify");
            assertTrue(origin.clientClosed.await(10, TimeUnit.SECONDS), "haul closed the connection");
        }
    }
}
