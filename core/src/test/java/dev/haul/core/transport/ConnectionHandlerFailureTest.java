package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.FailureReason;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Responses that go wrong: each ends in exactly one error, never in completion. */
class ConnectionHandlerFailureTest {
    private final EmbeddedExchange wire = new EmbeddedExchange("http://files.example/f.bin");

    @AfterEach
    void close() {
        wire.close();
    }

    @Test
    void aCloseBeforeAnyResponseIsAConnectionReset() {
        wire.serverCloses();

        assertEquals(List.of("error CONNECTION_RESET"), wire.events);
        assertTrue(wire.failure.retryable());
    }

    @Test
    void aCloseInTheMiddleOfALengthBodyIsATruncation() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part");

        wire.serverCloses();

        assertEquals(List.of("response 200", "body", "error TRUNCATED"), wire.events);
        assertTrue(wire.failure.retryable());
    }

    @Test
    void aCloseInTheMiddleOfAChunkedBodyIsATruncation() {
        wire.serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nonly");

        wire.serverCloses();

        assertEquals(List.of("response 200", "body", "error TRUNCATED"), wire.events);
    }

    @Test
    void aCloseBeforeTheLastChunkIsATruncation() {
        wire.serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nwhol\r\n");

        wire.serverCloses();

        assertEquals(List.of("response 200", "body", "error TRUNCATED"), wire.events);
    }

    @Test
    void aBrokenChunkSizeIsAnErrorAndClosesTheConnection() {
        wire.serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nwhol\r\nzz\r\nmore\r\n");

        assertEquals("error TRUNCATED", wire.events.get(wire.events.size() - 1));
        assertFalse(wire.events.contains("complete"));
        assertFalse(wire.channel.isOpen());
    }

    @Test
    void aGarbageStatusLineIsAProtocolError() {
        wire.serve("SSH-2.0-OpenSSH_9.6\r\n\r\n");

        assertEquals(List.of("error PROTOCOL"), wire.events);
        assertFalse(wire.failure.retryable());
    }

    @Test
    void anOversizedHeaderIsAProtocolError() {
        wire.serve("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(HttpClientInitializer.MAX_HEADER_BYTES + 1) + "\r\n\r\n");

        assertEquals(List.of("error PROTOCOL"), wire.events);
    }

    @Test
    void aResetByThePeerIsAConnectionReset() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");

        wire.channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertEquals(List.of("response 200", "body", "error CONNECTION_RESET"), wire.events);
        assertTrue(wire.failureMessage.contains("Connection reset by peer"), wire.failureMessage);
        assertFalse(wire.channel.isOpen());
    }

    @Test
    void aStallFailsTheExchangeWithATimeoutNamingTheSeconds() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");

        wire.stallPeriodPasses();

        assertEquals(List.of("response 200", "body", "error TIMEOUT"), wire.events);
        assertEquals("no data received for 30 s", wire.failureMessage);
        assertFalse(wire.channel.isOpen());
    }

    @Test
    void noBytesWhileReadingIsPausedIsNotAStall() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
        wire.exchange.pauseReading();

        wire.stallPeriodPasses();

        assertEquals(List.of("response 200", "body"), wire.events);
        assertTrue(wire.channel.isOpen());
    }

    @Test
    void anUntrustedCertificateIsATlsFailureThatSaysWhatToDo() {
        SSLHandshakeException cause = new SSLHandshakeException("PKIX path building failed");

        wire.channel.pipeline().fireUserEventTriggered(new SslHandshakeCompletionEvent(cause));

        assertEquals(FailureReason.TLS, wire.failure);
        assertFalse(wire.failure.retryable());
        assertTrue(wire.failureMessage.contains("--cacert"), wire.failureMessage);
    }

    @Test
    void aFailureIsReportedOnceEvenWhenTheCloseFollows() {
        wire.stallPeriodPasses();
        wire.serverCloses();

        assertEquals(List.of("error TIMEOUT"), wire.events);
    }
}
