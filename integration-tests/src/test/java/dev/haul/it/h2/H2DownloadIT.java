package dev.haul.it.h2;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads over h2: negotiated by ALPN, one connection for many files, the stream limit honoured, --http1.1. */
class H2DownloadIT {
    @TempDir
    Path dir;
    @TempDir
    Path certs;

    @Test
    void aTlsServerOfferingH2IsSpokenToInH2AndTheBytesAreExact() {
        byte[] body = Bodies.of(1001, 3 << 20);
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.serve("/one.bin", body);
            List<String> a = origin.haulArgs(dir, origin.url("/one.bin"));
            HaulProcess.Result run = haul(a).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("one.bin")));
            assertTrue(run.stdoutLines().stream().anyMatch(l -> l.contains("\"event\":\"started\"") && l.contains("\"protocol\":\"h2\"")),
                    run::describe);
            assertEquals("h2", origin.requests().get(0).protocol());
            assertEquals(1, origin.connectionsAccepted());
        }
    }

    @Test
    void manyFilesToOneOriginShareOneConnection() {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                origin.serve("/f" + i + ".bin", Bodies.of(2000 + i, 40_000 + i));
                urls.add(origin.url("/f" + i + ".bin"));
            }
            List<String> a = origin.haulArgs(dir, "-j", "16");
            a.addAll(urls);
            HaulProcess.Result run = haul(a).run();

            assertEquals(0, run.exitCode(), run::describe);
            for (int i = 0; i < 30; i++) {
                assertEquals(Sha256.of(Bodies.of(2000 + i, 40_000 + i)), Sha256.of(dir.resolve("f" + i + ".bin")));
            }
            assertEquals(1, origin.connectionsAccepted(), "30 transfers, one TCP+TLS connection");
            assertEquals(30, origin.requests().size());
        }
    }

    @Test
    void theServersStreamLimitOpensASecondConnection() {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 2)) {
            List<String> a = origin.haulArgs(dir, "-j", "4");
            for (int i = 0; i < 4; i++) {
                origin.serve("/s" + i + ".bin", Bodies.of(3000 + i, 2 << 20));
                a.add(origin.url("/s" + i + ".bin"));
            }
            HaulProcess.Result run = haul(a).run();

            assertEquals(0, run.exitCode(), run::describe);
            for (int i = 0; i < 4; i++) {
                assertEquals(Sha256.of(Bodies.of(3000 + i, 2 << 20)), Sha256.of(dir.resolve("s" + i + ".bin")));
            }
            assertEquals(2, origin.connectionsAccepted(), "4 at once, 2 streams per connection: 2 connections");
        }
    }

    @Test
    void perHostCountsConnectionsSoOneConnectionCarriesManyTransfersAtOnce() {
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.holdUntilInFlight(6); // answers only once 6 streams are open together
            List<String> a = origin.haulArgs(dir, "-j", "6", "--per-host", "1");
            for (int i = 0; i < 6; i++) {
                origin.serve("/p" + i + ".bin", Bodies.of(3100 + i, 100_000));
                a.add(origin.url("/p" + i + ".bin"));
            }
            HaulProcess.Result run = haul(a).run();

            assertEquals(0, run.exitCode(), run::describe);
            for (int i = 0; i < 6; i++) {
                assertEquals(Sha256.of(Bodies.of(3100 + i, 100_000)), Sha256.of(dir.resolve("p" + i + ".bin")));
            }
            assertEquals(1, origin.connectionsAccepted(), "--per-host 1: one connection, six streams on it");
        }
    }

    @Test
    void withoutH2OnOfferTheServerIsSpokenToInHttp11() {
        byte[] body = Bodies.of(1002, 500_000);
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_HTTP1_ONLY, certs, 100)) {
            origin.serve("/old.bin", body);
            HaulProcess.Result run = haul(origin.haulArgs(dir, origin.url("/old.bin"))).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("old.bin")));
            assertEquals("http/1.1", origin.requests().get(0).protocol());
            assertTrue(run.stdoutLines().stream().anyMatch(l -> l.contains("\"protocol\":\"http/1.1\"")), run::describe);
        }
    }

    @Test
    void http11OptionKeepsToHttp11EvenWhenH2IsOffered() {
        byte[] body = Bodies.of(1003, 200_000);
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.TLS_H2, certs, 100)) {
            origin.serve("/h1.bin", body);
            HaulProcess.Result run = haul(origin.haulArgs(dir, "--http1.1", origin.url("/h1.bin"))).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("h1.bin")));
            assertEquals("http/1.1", origin.requests().get(0).protocol());
        }
    }

    @Test
    void http2OptionSpeaksH2cWithPriorKnowledgeToAPlainHttpUrl() {
        byte[] body = Bodies.of(1004, 1 << 20);
        try (H2Origin origin = H2Origin.start(H2Origin.Mode.H2C, certs, 100)) {
            origin.serve("/c.bin", body);
            HaulProcess.Result run = haul("--json", "-d", dir.toString(), "--http2", origin.url("/c.bin")).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Sha256.of(body), Sha256.of(dir.resolve("c.bin")));
            assertEquals("h2", origin.requests().get(0).protocol());
            assertTrue(run.stdoutLines().stream().anyMatch(l -> l.contains("\"protocol\":\"h2\"")), run::describe);
        }
    }
}
