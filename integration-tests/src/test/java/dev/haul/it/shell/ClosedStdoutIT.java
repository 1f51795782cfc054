package dev.haul.it.shell;

import dev.haul.it.support.Await;
import dev.haul.it.support.HaulProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code haul -i list | head -1}: the reader of the saved paths leaves. haul stops the run with
 * one line saying so and how many transfers it stopped, names the reason in its summary and
 * exits 1 (not "0 failed" and no word).
 */
class ClosedStdoutIT {
    @TempDir
    Path cwd;

    private final SmallFiles origin = new SmallFiles();

    @AfterEach
    void stop() {
        origin.close();
    }

    @Test
    void aReaderThatLeavesStopsTheRunWithOneLineAndItsOwnReason() throws Exception {
        // HaulProcess reads all of stdout; here the test is the reader, so the pipe is its own.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + cwd,
                "-jar", HaulProcess.jar().toString(), "-j", "4", "-d", "out");
        pb.directory(cwd.toFile());
        for (String name : List.of("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                "ALL_PROXY", "NO_PROXY", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "XDG_CONFIG_HOME")) {
            pb.environment().remove(name);
        }
        pb.environment().put("HOME", cwd.toString());
        Path stderrFile = Files.createTempFile("haul-stderr", ".txt");
        pb.redirectError(stderrFile.toFile());
        Process haul = pb.start();
        try {
            OutputStream list = haul.getOutputStream();
            list.write((origin.url("/first.txt") + "\n").getBytes(StandardCharsets.UTF_8));
            list.flush();
            BufferedReader stdout = new BufferedReader(new InputStreamReader(haul.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("out/first.txt", stdout.readLine());
            stdout.close(); // what head -1 does after its line

            // Two transfers that stay running, then one that completes and finds stdout closed.
            list.write((origin.url("/hang-1") + "\n" + origin.url("/hang-2") + "\n").getBytes(StandardCharsets.UTF_8));
            list.flush();
            Await.until(() -> Files.exists(cwd.resolve("out/hang-1.part")) && Files.exists(cwd.resolve("out/hang-2.part")),
                    Duration.ofSeconds(60), () -> "both long transfers saving their bodies");
            list.write((origin.url("/second.txt") + "\n").getBytes(StandardCharsets.UTF_8));
            list.close();

            boolean exited = haul.waitFor(60, TimeUnit.SECONDS);
            String stderr = Files.readString(stderrFile, StandardCharsets.UTF_8);
            assertTrue(exited, () -> "haul still running after its reader left; stderr:\n" + stderr);
            assertEquals(1, haul.exitValue(), stderr);
            List<String> about = stderr.lines().filter(l -> l.contains("standard output")).toList();
            assertEquals(List.of("haul: standard output closed; 2 transfers stopped",
                    about.get(about.size() - 1)), about, stderr);
            assertTrue(about.get(1).startsWith("haul: stopped (standard output closed): 2 done, 0 failed, 2 cancelled"), stderr);
            assertFalse(stderr.contains("\tat "), stderr);
            assertTrue(Files.exists(cwd.resolve("out/hang-1.part")), "a stopped transfer keeps its .part");
        } finally {
            haul.destroyForcibly();
            Files.deleteIfExists(stderrFile);
        }
    }
}
