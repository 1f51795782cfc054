package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Responses that end as their framing says: the engine sees one head, the body, then completion. */
class ConnectionHandlerBodyTest {
    private final EmbeddedExchange wire = new EmbeddedExchange("http://files.example/f.bin");

    @AfterEach
    void close() {
        wire.close();
    }

    @Test
    void aContentLengthBodyArrivesWholeThenCompletes() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello").serve(" world");

        assertEquals(List.of("response 200", "body", "complete"), wire.events);
        assertEquals("hello world", wire.body.toString());
    }

    @Test
    void aChunkedBodySplitAcrossPacketsArrivesWholeThenCompletes() {
        wire.serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
                .serve("lo\r\n6\r\n world\r")
                .serve("\n0\r\n\r\n");

        assertEquals(List.of("response 200", "body", "complete"), wire.events);
        assertEquals("hello world", wire.body.toString());
    }

    @Test
    void aBodyWithoutLengthEndsWhenTheServerCloses() {
        wire.serve("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it");
        assertFalse(wire.events.contains("complete"));

        wire.serverCloses();

        assertEquals(List.of("response 200", "body", "complete"), wire.events);
        assertEquals("all of it", wire.body.toString());
    }

    @Test
    void aKeptAliveConnectionIsFreeForTheNextRequestAfterTheBody() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        assertTrue(wire.channel.isOpen());
        assertNull(wire.connection.current());
        assertTrue(wire.connection.isUsable());
    }

    @Test
    void aKeptAliveConnectionUnusedForAStallPeriodIsClosed() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        wire.stallPeriodPasses();

        assertEquals(List.of("response 200", "body", "complete"), wire.events);
        assertFalse(wire.channel.isOpen());
    }

    @Test
    void connectionCloseFromTheServerClosesTheConnectionAfterTheBody() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

        assertEquals(List.of("response 200", "body", "complete"), wire.events);
        assertFalse(wire.channel.isOpen());
    }

    @Test
    void anHttp10ResponseIsNotKeptAlive() {
        wire.serve("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");

        assertEquals(List.of("response 200", "body", "complete"), wire.events);
        assertFalse(wire.channel.isOpen());
    }

    @Test
    void aContinueBeforeTheRealResponseIsNotReported() {
        wire.serve("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        assertEquals(List.of("response 200", "body", "complete"), wire.events);
    }

    @Test
    void anEmptyBodyCompletesWithoutBodyCalls() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertEquals(List.of("response 200", "complete"), wire.events);
    }

    @Test
    void anErrorStatusIsReportedAsAResponseForTheEngineToJudge() {
        wire.serve("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 4\r\n\r\nbusy");

        assertEquals(List.of("response 503", "body", "complete"), wire.events);
    }

    @Test
    void abortClosesTheConnectionAndItsCloseIsNotReportedAsAnError() {
        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");

        wire.exchange.abort();

        assertEquals(List.of("response 200", "body"), wire.events);
        assertEquals("abc", wire.body.toString());
        assertFalse(wire.channel.isOpen());
    }
}
