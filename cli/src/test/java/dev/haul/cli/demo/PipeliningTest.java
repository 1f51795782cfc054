package dev.haul.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Several requests on one connection, sent before any answer: answered in order, and Connection: close is honoured. */
class PipeliningTest {

    record Answer(String statusLine, long contentLength, byte[] body) {}

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndCloseEndsTheConnection() throws Exception {
        try (DemoServer server = DemoServer.start(DemoServerTest.TINY);
             Socket socket = new Socket("127.0.0.1", server.url("x").getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /notes.txt HTTP/1.1\r\nHost: demo\r\n\r\n"
                    + "GET /broken.iso HTTP/1.1\r\nHost: demo\r\n\r\n"
                    + "HEAD /tiny.bin HTTP/1.1\r\nHost: demo\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();

            Answer notes = read(in, false);
            assertEquals("HTTP/1.1 200 OK", notes.statusLine());
            assertEquals(DemoServerTest.TINY.sha256("notes.txt"), DemoServerTest.sha256(notes.body()));
            assertEquals("HTTP/1.1 500 Internal Server Error", read(in, false).statusLine());
            Answer head = read(in, true);
            assertEquals("HTTP/1.1 200 OK", head.statusLine());
            assertEquals(100_000, head.contentLength());
            assertEquals(-1, in.read(), "the server closes after the request that asked it to");
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String status = line(in);
        long length = 0;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).trim());
        }
        byte[] body = head ? new byte[0] : in.readNBytes((int) length);
        return new Answer(status, length, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed in a header");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
