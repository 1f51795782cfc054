package dev.haul.bench;

import dev.haul.core.transport.ResponseReplay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The response path of one download: the bytes of a whole HTTP/1.1 response, in socket-sized
 * packets, through Netty's HttpClientCodec (haul's limits), haul's ConnectionHandler and Exchange,
 * to the listener the engine would be. Time per response; divide the body size by it for the
 * decoding throughput. Disk writes and sockets are not part of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResponsePathBenchmark {
    /** Body size. */
    @Param({"4", "64", "1024"})
    public int bodyKiB;

    /** Bytes per socket read; the epoll transport reads up to 64 KiB at first, up to 1 MiB for bulk. */
    @Param({"16"})
    public int packetKiB;

    /** {@code length}: Content-Length, as nginx sends files; {@code chunked}: 8 KiB chunks. */
    @Param({"length", "chunked"})
    public String framing;

    private ResponseReplay replay;

    @Setup(Level.Trial)
    public void setUp() {
        int size = bodyKiB * 1024;
        byte[] body = new byte[size];
        new SplittableRandom(size).nextBytes(body);
        byte[] wire = switch (framing) {
            case "length" -> withLength(body);
            case "chunked" -> chunked(body, 8 * 1024);
            default -> throw new IllegalArgumentException("framing: length or chunked, not " + framing);
        };
        replay = new ResponseReplay("http://127.0.0.1:8080/files/f.bin", wire, packetKiB * 1024, size);
        replay.replay(); // fails here, not in the measurement, when the response does not decode
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        replay.close();
    }

    @Benchmark
    public long response() {
        return replay.replay();
    }

    /** Headers as nginx writes them for a static file. */
    private static String head(String framingHeader) {
        return "HTTP/1.1 200 OK\r\n"
                + "Server: nginx\r\n"
                + "Date: Thu, 26 Nov 2026 11:00:00 GMT\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + framingHeader + "\r\n"
                + "Last-Modified: Thu, 26 Nov 2026 10:00:00 GMT\r\n"
                + "Connection: keep-alive\r\n"
                + "ETag: \"6746a9a0-100000\"\r\n"
                + "Accept-Ranges: bytes\r\n"
                + "\r\n";
    }

    static byte[] withLength(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
        out.writeBytes(head("Content-Length: " + body.length).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / chunk * 8 + 512);
        out.writeBytes(head("Transfer-Encoding: chunked").getBytes(StandardCharsets.ISO_8859_1));
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
