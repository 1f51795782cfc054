package dev.haul.it.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The built haul.jar picks its proxy from the environment as curl does. The loopback server
 * plays the proxy: a plain-HTTP request through an HTTP proxy arrives in absolute form.
 */
class ProxyEnvironmentIT {
    private static final byte[] BODY = "through the proxy\n".getBytes(StandardCharsets.UTF_8);
    /** A name no resolver knows: only a proxy can reach it. */
    private static final String FAR_URL = "http://files.example.invalid/data.txt";

    @TempDir
    Path home;

    private Launch.Result haul(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 4];
        command[0] = "java";
        command[1] = "-jar";
        command[2] = System.getProperty("haul.jar");
        command[3] = "--retries=0";
        System.arraycopy(args, 0, command, 4, args.length);
        return Launch.run(home, env, command);
    }

    @Test
    void httpProxyFromTheEnvironmentCarriesTheRequest() throws Exception {
        try (OneFileServer proxy = new OneFileServer("/data.txt", BODY)) {
            Launch.Result run = haul(Map.of("http_proxy", "http://127.0.0.1:" + proxy.port()), "-d", home.toString(), FAR_URL);

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(FAR_URL, proxy.lastTarget());
            assertArrayEquals(BODY, Files.readAllBytes(home.resolve("data.txt")));
        }
    }

    @Test
    void noProxyRangesGoDirectlyPastADeadProxy() throws Exception {
        try (OneFileServer origin = new OneFileServer("/data.txt", BODY)) {
            Launch.Result run = haul(Map.of("http_proxy", "http://127.0.0.1:" + deadPort(), "no_proxy", "example.com, 127.0.0.0/8"),
                    "-d", home.toString(), origin.url("/data.txt"));

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals("/data.txt", origin.lastTarget());
        }
    }

    @Test
    void upperCaseHttpProxyIsHonouredAsTheContractSays() throws Exception {
        try (OneFileServer proxy = new OneFileServer("/data.txt", BODY)) {
            Launch.Result run = haul(Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port()), "-d", home.toString(), FAR_URL);

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(FAR_URL, proxy.lastTarget(), "the proxy got the request in absolute form");
        }
    }

    @Test
    void proxyCredentialsAreSentButNeverPrinted() throws Exception {
        try (OneFileServer proxy = new OneFileServer("/data.txt", BODY)) {
            Launch.Result run = haul(Map.of(), "-v", "--json", "--proxy", "http://me:hunter2@127.0.0.1:" + proxy.port(),
                    "-d", home.toString(), FAR_URL);

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals("Basic " + Base64.getEncoder().encodeToString("me:hunter2".getBytes(StandardCharsets.UTF_8)),
                    proxy.lastProxyAuthorization());
            assertFalse(run.stdout().contains("hunter2"), run::describe);
            assertFalse(run.stderr().contains("hunter2"), run::describe);
        }
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
