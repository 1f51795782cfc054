package dev.haul.it.faults;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.SelfSignedCert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.haul.it.faults.Faults.USER;
import static dev.haul.it.faults.Faults.assertAuthorizationOnEvery;
import static dev.haul.it.faults.Faults.assertSavedExactly;
import static dev.haul.it.faults.Faults.assertOneLine;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with a self-signed certificate for 127.0.0.1: refused with a message that says the
 * certificate is not trusted (and no request, no credentials, no retry); accepted when that
 * certificate is given with --cacert, or with -k.
 */
class SelfSignedTlsIT {
    private static final byte[] BODY = Bodies.of(701, 150_000);

    @TempDir
    static Path certDir;

    private static RawHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTlsServer() {
        SelfSignedCert cert = SelfSignedCert.create(certDir);
        server = RawHttpServer.startTls(cert.serverContext(), (request, out) -> RawHttpServer.writeResponse(out,
                "200 OK", Map.of("Content-Length", String.valueOf(BODY.length)), BODY, 0, BODY.length));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String name) {
        return server.url("/" + name);
    }

    @Test
    void untrustedCertificateFailsOnceSayingSoAndSendsNoRequest() {
        int before = server.requests().size();
        String url = url("refused.bin");

        HaulProcess.Result run = haul("-u", USER, "-d", dir.toString(), url).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(), run.stdoutLines(), run::describe);
        String line = assertOneLine(run, l -> l.contains(url), "certificate");
        assertFalse(line.toLowerCase(Locale.ROOT).contains("does not match"), run::describe);
        assertTrue(line.toLowerCase(Locale.ROOT).contains("not trusted"), () -> "says not trusted: " + line);
        assertFalse(run.stderr().contains("retrying"), () -> "a TLS failure is not retried\n" + run.describe());
        assertEquals(Set.of(), DirListing.names(dir));
        assertEquals(before, server.requests().size(), () -> "no request (and no password) got through: " + server.requests());
    }

    @Test
    void cacertWithThatCertificateDownloadsExactly() {
        int before = server.requests().size();

        HaulProcess.Result run = haul("--cacert", certDir.resolve("server.pem").toString(), "-u", USER,
                "-d", dir.toString(), url("trusted.bin")).run();

        assertSavedExactly(run, dir, "trusted.bin", BODY);
        List<RawHttpServer.Request> requests = server.requests().subList(before, server.requests().size());
        assertEquals(1, requests.size(), requests::toString);
        assertAuthorizationOnEvery(requests);
    }

    @Test
    void insecureDownloadsExactly() {
        int before = server.requests().size();

        HaulProcess.Result run = haul("-k", "-u", USER, "-d", dir.toString(), url("insecure.bin")).run();

        assertSavedExactly(run, dir, "insecure.bin", BODY);
        List<RawHttpServer.Request> requests = server.requests().subList(before, server.requests().size());
        assertEquals(1, requests.size(), requests::toString);
        assertAuthorizationOnEvery(requests);
    }
}
