package dev.haul.cli;

import io.netty.resolver.HostsFileEntriesResolver;
import io.netty.resolver.ResolvedAddressTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Not a user command: the work the {@code ./haul} launcher records its class-data-sharing archive
 * (or, on Java 25, its AOT cache) from, in the background, once per jar and Java. It downloads
 * 1 KiB twice through {@link Main}'s ordinary path from a throwaway server on the loopback
 * address, so the archive holds the picocli, Netty and HTTP classes that a real run loads: once
 * by host name with the plain progress lines, once by IP literal with {@code -q}. Nothing leaves
 * the machine: the host name is only used when the hosts file maps it.
 *
 * <p>Run as {@code java -cp haul.jar dev.haul.cli.StartupTraining} with the launcher's flags;
 * the class path must be the jar alone, exactly as {@code java -jar} sees it.
 */
public final class StartupTraining {
    private static final int SIZE = 1024;

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        byte[] body = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) body[i] = (byte) i;
        Path dir = Files.createTempDirectory("haul-training-");
        int status;
        try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> serve(server, body), "haul-training-server");
            accept.setDaemon(true);
            accept.start();
            int port = server.getLocalPort();
            Streams streams = Streams.system();
            // Neither the user's config file nor their proxy variables: this traffic stays on loopback.
            Environment env = new Environment(Map.of(), dir);
            if (HostsFileEntriesResolver.DEFAULT.address("localhost", ResolvedAddressTypes.IPV4_PREFERRED) != null) {
                Main.run(new String[] {"--no-config", "-d", dir.toString(), "--connect-timeout", "5",
                        "http://localhost:" + port + "/training.bin"}, streams, env, true);
            }
            status = Main.run(new String[] {"--no-config", "-q", "-d", dir.toString(), "--on-exists", "overwrite",
                    "http://127.0.0.1:" + port + "/training.bin"}, streams, env, true);
            streams.err().flush();
        } finally {
            deleteTree(dir);
        }
        System.exit(status);
    }

    /** Accepts connections until the socket closes; each gets its own thread. */
    private static void serve(ServerSocket server, byte[] body) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> answer(s, body), "haul-training-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers every GET on a kept-alive connection with the same 1 KiB body, until the client closes. */
    private static void answer(Socket s, byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (readHead(in)) {
                out.write(head);
                out.write(body);
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away: nothing to do
        }
    }

    /** Reads one request head (up to the empty line); false at end of stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\r') matched = matched == 2 ? 3 : 1;
            else if (b == '\n' && (matched == 1 || matched == 3)) matched++;
            else matched = 0;
            if (matched == 4) return true;
        }
        return false;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary directory: left for the system to clean
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
