package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertWholeFileAsked;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An HTTP/1.0 server with no Content-Length ends the body by closing the connection: that is success, byte for byte. */
class Http10BodyIT {
    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void closeDelimitedHttp10BodyIsSavedExactly() {
        byte[] body = Bodies.of(601, 300_000);
        // Bytes in the body that look like HTTP framing must be taken as body too.
        byte[] framing = "\r\n\r\n0\r\n\r\nHTTP/1.0 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(framing, 0, body, 100_000, framing.length);
        server = RawHttpServer.start((request, out) -> {
            out.write("HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        });

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), server.url("/old.bin")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(dir.resolve("old.bin").toString()), run.stdoutLines(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("old.bin")));
        assertEquals(Set.of("old.bin"), DirListing.names(dir));
        List<RawHttpServer.Request> requests = server.requests();
        assertEquals(1, requests.size(), requests::toString);
        assertWholeFileAsked(requests.get(0));
        assertAuthorizationOnEvery(requests);
    }
}
