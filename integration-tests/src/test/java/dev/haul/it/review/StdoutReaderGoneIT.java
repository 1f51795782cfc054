package dev.haul.it.review;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RangeOrigin;
import dev.haul.it.support.RangeOrigin.First;
import dev.haul.it.support.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code haul -o - URL | head -c 100}: the reader of standard output goes away early. haul
 * notices, stops, and says so in one line, instead of waiting for a reader that never comes back.
 */
class StdoutReaderGoneIT {
    private static final int SIZE = 20 * 1024 * 1024;

    @TempDir
    Path cwd;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readerClosingStdoutEndsTheDownloadWithOneLine() throws Exception {
        server = RawHttpServer.start(new RangeOrigin(Bodies.of(200, SIZE), "\"s\"", First.WHOLE, 0));
        // HaulProcess reads all of stdout; here the test is the reader, so the pipe is its own.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + cwd,
                "-jar", HaulProcess.jar().toString(), "-o", "-", server.url("/big.bin"));
        pb.directory(cwd.toFile());
        for (String proxy : List.of("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                "ALL_PROXY", "NO_PROXY", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "XDG_CONFIG_HOME")) {
            pb.environment().remove(proxy);
        }
        pb.environment().put("HOME", cwd.toString());
        Path stderrFile = Files.createTempFile("haul-stderr", ".txt");
        pb.redirectError(stderrFile.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process haul = pb.start();
        try {
            InputStream stdout = haul.getInputStream();
            byte[] first = stdout.readNBytes(100);
            assertEquals(100, first.length, "the body started to arrive");
            stdout.close();
            long closedAt = System.nanoTime();

            boolean exited = haul.waitFor(10, TimeUnit.SECONDS);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
            String stderr = Files.readString(stderrFile, StandardCharsets.UTF_8);
            assertTrue(exited, () -> "haul still running 10 s after its reader left; stderr:\n" + stderr);
            assertEquals(1, haul.exitValue(), () -> "after " + tookMs + " ms; stderr:\n" + stderr);
            List<String> lines = stderr.lines().filter(l -> l.contains("standard output")).toList();
            assertEquals(1, lines.size(), () -> "one line about standard output; stderr:\n" + stderr);
            assertFalse(stderr.contains("\tat "), () -> "no stack trace; stderr:\n" + stderr);
        } finally {
            haul.destroyForcibly();
            Files.deleteIfExists(stderrFile);
        }
    }
}
